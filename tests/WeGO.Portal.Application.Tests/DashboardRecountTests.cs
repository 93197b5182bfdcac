using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Home;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The dashboard, the navigation's counts and the home page's figures are kept in the read cache: after every
/// write (through the use cases) and when the clock passes midnight in Seoul, each of them equals a plain recount of
/// the rows, written here in C# over what the database holds, not through the handlers. The clock starts at 15 June
/// 2025, noon in Seoul; the class has its own portal, so its rows are the whole history.</summary>
public sealed class DashboardRecountTests : IDisposable
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById(VenueTime.Seoul);

    private readonly ClockedPortal portal = new(
        new FixedClock(new DateTimeOffset(2025, 6, 15, 3, 0, 0, TimeSpan.Zero))
    );

    private Colleague me = null!;

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Every_figure_and_count_equals_a_recount_after_each_write()
    {
        await HistoryAsync();
        await AssertRecountedAsync("the history");

        var upcoming = await portal.ScheduleVisitAsync(At(new DateOnly(2025, 6, 25), "Bogotá"));
        await AssertRecountedAsync("a visit scheduled in ten days");
        await portal.SendAsync(new ConfirmVisit.Command(upcoming, await VisitVersionAsync(upcoming)));
        await AssertRecountedAsync("the visit confirmed");
        var past = await portal.ScheduleVisitAsync(At(new DateOnly(2025, 5, 20), "Quito"));
        await AssertRecountedAsync("a visit of last month recorded");
        await portal.SendAsync(
            new CancelVisit.Command
            {
                VisitId = upcoming,
                Version = await VisitVersionAsync(upcoming),
                Reason = "Flights cancelled",
            }
        );
        await AssertRecountedAsync("the upcoming visit cancelled");

        var inquiry = await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = "Quito" });
        await AssertRecountedAsync("an inquiry submitted");
        await portal.MoveInquiryAlongAsync(inquiry.Id, InquiryStage.Contacted);
        await AssertRecountedAsync("the inquiry moved to Contacted");
        await portal.SendAsync(
            new MoveInquiry.Command
            {
                InquiryId = inquiry.Id,
                Version = await portal.WithDbAsync(db =>
                    db.MembershipInquiries.Where(i => i.Id == inquiry.Id).Select(i => i.Version).SingleAsync()
                ),
                Stage = InquiryStage.Withdrawn,
            }
        );
        await AssertRecountedAsync("the inquiry closed");
        var joining = await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = "Lima" });
        await portal.MoveInquiryAlongAsync(joining.Id, InquiryStage.UnderReview);
        await AssertRecountedAsync("an application waiting for its check");
        await portal.CheckAndAcceptAsync(
            await portal.WithDbAsync(db =>
                db.MembershipApplications.Where(a => a.InquiryId == joining.Id).Select(a => a.Id).SingleAsync()
            )
        );
        await AssertRecountedAsync("the application accepted: a member added");

        var memberId = await portal.WithDbAsync(db =>
            db.Members.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync()
        );
        await portal.SendAsync(
            new ChangeMemberStatus.Command
            {
                MemberId = memberId,
                Version = await portal.WithDbAsync(db =>
                    db.Members.Where(m => m.Id == memberId).Select(m => m.Version).SingleAsync()
                ),
                To = MemberStatus.Suspended,
                On = new DateOnly(2025, 6, 15),
                Reason = "Membership dues unpaid",
            }
        );
        await AssertRecountedAsync("the member suspended");

        var overdue = await AddFollowUpAsync(past, new DateOnly(2025, 6, 1));
        await AssertRecountedAsync("an overdue follow-up of mine");
        await AddFollowUpAsync(past, new DateOnly(2025, 6, 15));
        await AssertRecountedAsync("a follow-up of mine due today");
        await portal.SendAsync(new CompleteFollowUp.Command(overdue, await FollowUpVersionAsync(overdue)));
        await AssertRecountedAsync("the overdue follow-up done");

        var held = await portal.VisitToReportAsync(At(new DateOnly(2025, 6, 10), "Nairobi"));
        var report = await portal.VisitReportAsync(held, ReviewState.Submitted);
        await AssertRecountedAsync("a report submitted");
        await portal.SendAsDirectorAsync(new ApproveVisitReport.Command(report, await ReportVersionAsync(report)));
        await AssertRecountedAsync("the report approved");

        var request = await portal.VisitRequestAsync(c =>
            c with
            {
                EarliestDate = new DateOnly(2025, 7, 7),
                LatestDate = new DateOnly(2025, 7, 11),
            }
        );
        await AssertRecountedAsync("a visit request received");
        await portal.SendAsync(
            AcceptVisitRequest.Command.PrefilledFrom(await portal.StoredVisitRequestAsync(request.Id))
        );
        await AssertRecountedAsync("the visit request accepted");
    }

    [Fact]
    public async Task Figures_relative_to_now_change_when_the_clock_passes_midnight_in_Seoul_and_a_visit_ends()
    {
        await HistoryAsync();
        portal.Clock.Now = new DateTimeOffset(2025, 6, 15, 14, 59, 0, TimeSpan.Zero); // 23:59 in Seoul
        await AddFollowUpAsync(await portal.ScheduleVisitAsync(), new DateOnly(2025, 6, 15));
        await AssertRecountedAsync("a minute before midnight");
        var before = await portal.SendAsAsync(me, new GetDashboard.Query());
        var mineBefore = await portal.SendAsAsync(me, new CountMyOverdueFollowUps.Query());

        portal.Clock.Now = new DateTimeOffset(2025, 6, 15, 15, 1, 0, TimeSpan.Zero); // 00:01 on 16 June

        var after = await portal.SendAsAsync(me, new GetDashboard.Query());
        Assert.Equal(before.OverdueFollowUps + 1, after.OverdueFollowUps);
        Assert.Equal(new DateOnly(2025, 6, 16), after.Today);
        Assert.Equal(mineBefore + 1, await portal.SendAsAsync(me, new CountMyOverdueFollowUps.Query()));

        await AssertRecountedAsync("a minute after midnight");

        // The visit of 16 June at 10:00 in Seoul is upcoming until it ends at 11:00, then among the latest.
        portal.Clock.Now = new DateTimeOffset(2025, 6, 16, 1, 59, 0, TimeSpan.Zero);
        await AssertRecountedAsync("during the visit");
        portal.Clock.Now = new DateTimeOffset(2025, 6, 16, 2, 1, 0, TimeSpan.Zero);
        await AssertRecountedAsync("just after the visit");
    }

    [Fact]
    public async Task Between_two_writes_every_reader_gets_the_same_kept_figures()
    {
        await HistoryAsync();
        TickAfterWrite();

        var first = await portal.SendAsAsync(me, new GetDashboard.Query());
        var home = await portal.SendAsAsync(me, new GetHomeOverview.Query());

        Assert.Same(first, await portal.SendAsAsync(me, new GetDashboard.Query()));
        Assert.Same(home, await portal.SendAsAsync(me, new GetHomeOverview.Query()));
        await portal.ScheduleVisitAsync();
        TickAfterWrite();
        Assert.NotSame(first, await portal.SendAsAsync(me, new GetDashboard.Query()));
    }

    /// <summary>Visits in the period and around it, inquiries, a member, a follow-up and a report waiting.</summary>
    private async Task HistoryAsync()
    {
        portal.Start();
        var id = await portal.CreateStaffAsync("mina@we-gov.org", "Colleague-Password-2024", Roles.ProgramDirector);
        me = new Colleague(id, "Mina");
        var lima = await portal.ScheduleVisitAsync(At(new DateOnly(2024, 9, 3), "Lima"));
        await portal.ScheduleVisitAsync(At(new DateOnly(2025, 2, 11), "Quito"));
        await portal.ScheduleVisitAsync(At(new DateOnly(2025, 6, 16), "Lisbon"));
        await portal.ScheduleVisitAsync(At(new DateOnly(2025, 8, 1), "Nairobi"));
        await portal.ScheduleVisitAsync(At(new DateOnly(2023, 3, 1), "Oslo"));
        await portal.MembershipInquiryAsync(change: c => c with { OrganizationName = "Lima" });
        await portal.RegistryMemberAsync(Region.EastAsia, MembershipCategory.Full, since: new DateOnly(2024, 12, 1));
        await AddFollowUpAsync(lima, new DateOnly(2025, 5, 1));
        var held = await portal.VisitToReportAsync(At(new DateOnly(2025, 4, 2), "Quito"));
        await portal.VisitReportAsync(held, ReviewState.Submitted);
    }

    private async Task AssertRecountedAsync(string after)
    {
        TickAfterWrite();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Seoul));
        foreach (
            var query in new[]
            {
                new GetDashboard.Query(),
                new GetDashboard.Query { Preset = DashboardPreset.ThisYear },
            }
        )
        {
            var dashboard = await portal.SendAsAsync(me, query);
            var expected = await RecountAsync(now, today, dashboard.From, dashboard.To);
            var shown = Figures(dashboard);
            Assert.True(expected == shown, $"After {after} ({query.Preset}):\n{shown}\nrecounted:\n{expected}");
        }

        var home = await portal.SendAsAsync(me, new GetHomeOverview.Query());
        var counts = new
        {
            MyOverdue = await portal.SendAsAsync(me, new CountMyOverdueFollowUps.Query()),
            NewInquiries = await portal.SendAsAsync(me, new CountNewInquiries.Query()),
            WaitingRequests = await portal.SendAsAsync(me, new CountWaitingVisitRequests.Query()),
            AwaitingReview = await portal.SendAsAsync(me, new CountReportsAwaitingReview.Query()),
            Home = (home.UpcomingCount, home.OpenFollowUps, home.OverdueFollowUps),
            HomeNext = string.Join(",", home.Upcoming.Select(v => v.Id)),
            HomeRecent = string.Join(",", home.Recent.Select(v => v.Id)),
        };
        var recounted = await portal.WithDbAsync(async db =>
        {
            var visits = await db.Visits.AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled).ToListAsync();
            var followUps = await db.FollowUps.AsNoTracking().Where(f => f.Status == FollowUpStatus.Open).ToListAsync();
            return new
            {
                MyOverdue = followUps.Count(f => f.OwnerUserId == me.UserId && f.DueOn < today),
                NewInquiries = await db.MembershipInquiries.CountAsync(i => i.Stage == InquiryStage.New),
                WaitingRequests = await db.VisitRequests.CountAsync(r => r.Status == VisitRequestStatus.Received),
                AwaitingReview = await db.VisitReports.CountAsync(r => r.State == ReviewState.Submitted),
                Home = (visits.Count(v => v.EndsAtUtc >= now), followUps.Count, followUps.Count(f => f.DueOn < today)),
                HomeNext = string.Join(
                    ",",
                    visits.Where(v => v.EndsAtUtc >= now).OrderBy(v => v.StartsAtUtc).Take(5).Select(v => v.Id)
                ),
                HomeRecent = string.Join(
                    ",",
                    visits.Where(v => v.EndsAtUtc < now).OrderByDescending(v => v.StartsAtUtc).Take(5).Select(v => v.Id)
                ),
            };
        });
        Assert.True(recounted.Equals(counts), $"After {after}: {counts}, recounted {recounted}");
    }

    /// <summary>HybridCache stamps tag evictions and entries with the portal's clock: with the clock standing still,
    /// an entry made at the instant of the last eviction counts as evicted and nothing would be kept (the figures would
    /// be recounted from the database every time, and this test would prove nothing). A real clock always moves on.
    /// </summary>
    private void TickAfterWrite() => portal.Clock.Now = portal.Clock.Now.AddMilliseconds(1);

    /// <summary>Every figure of the dashboard, as one comparable text.</summary>
    private static string Figures(GetDashboard.Result d) =>
        string.Join(
            "\n",
            $"period {d.From}..{d.To} today {d.Today}",
            "months " + string.Join(",", d.VisitsPerMonth.Select(m => $"{m.Year}-{m.Month}:{m.Visits}")),
            "regions " + string.Join(",", d.VisitsPerRegion.Select(r => $"{r.Region}:{r.Visits}")),
            "stages " + string.Join(",", d.InquiriesByStage.Select(s => $"{s.Stage}:{s.Inquiries}")),
            $"upcoming {d.Upcoming.Count} until {d.Upcoming.Until}: "
                + string.Join(",", d.Upcoming.First.Select(v => v.Id)),
            $"reports {d.ReportsAwaitingReview.Count} oldest {d.ReportsAwaitingReview.OldestSubmittedAtUtc:O} "
                + $"{d.ReportsAwaitingReview.OldestWaitingDays} days",
            $"overdue {d.OverdueFollowUps}",
            $"funnel {d.Funnel.Visited}/{d.Funnel.Inquired}/{d.Funnel.BecameMembers}",
            "members "
                + string.Join(",", d.Members.ActiveByCategory.Select(c => $"{c.Category}:{c.Members}"))
                + " "
                + string.Join(",", d.Members.ActiveByRegion.Select(r => $"{r.Region}:{r.Members}"))
                + $" joined {d.Members.JoinedInPeriod} check {d.Members.AwaitingCheck}"
                + $" committee {d.Members.AwaitingCommittee}"
        );

    /// <summary>The dashboard's figures counted from the rows themselves, in Seoul's days.</summary>
    private Task<string> RecountAsync(DateTime now, DateOnly today, DateOnly from, DateOnly to) =>
        portal.WithDbAsync(async db =>
        {
            DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Seoul));
            bool InPeriod(DateTime utc) => DayOf(utc) >= from && DayOf(utc) <= to;
            var regionOf = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Region);
            var visits = await db.Visits.AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled).ToListAsync();
            var inPeriod = visits.Where(v => InPeriod(v.StartsAtUtc)).ToList();
            var inquiries = await db.MembershipInquiries.AsNoTracking().ToListAsync();
            var members = await db.Members.AsNoTracking().ToListAsync();
            var applications = await db.MembershipApplications.AsNoTracking().ToListAsync();
            var submitted = await db
                .VisitReports.AsNoTracking()
                .Where(r => r.State == ReviewState.Submitted)
                .ToListAsync();
            var overdue = await db
                .FollowUps.AsNoTracking()
                .CountAsync(f => f.Status == FollowUpStatus.Open && f.DueOn < today);

            var months = new List<string>();
            for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
            {
                var count = inPeriod.Count(v =>
                    TimeZoneInfo.ConvertTimeFromUtc(v.StartsAtUtc, Seoul) is var local
                    && local.Year == m.Year
                    && local.Month == m.Month
                );
                months.Add($"{m.Year}-{m.Month}:{count}");
            }

            var upcoming = visits
                .Where(v => v.EndsAtUtc >= now && v.StartsAtUtc < now.AddDays(GetDashboard.UpcomingDays))
                .OrderBy(v => v.StartsAtUtc)
                .ThenBy(v => v.Id)
                .ToList();
            var oldest = submitted.Select(r => r.SubmittedAtUtc).Min();
            var visited = inPeriod
                .Where(v => v.StartsAtUtc <= now)
                .GroupBy(v => v.OrganizationId)
                .Select(g => (Organization: g.Key, First: g.Min(v => v.StartsAtUtc)))
                .ToList();
            var active = members.Where(m => m.Status == MemberStatus.Active).ToList();
            return string.Join(
                "\n",
                $"period {from}..{to} today {today}",
                "months " + string.Join(",", months),
                "regions "
                    + string.Join(
                        ",",
                        Enum.GetValues<Region>()
                            .Select(r => $"{r}:{inPeriod.Count(v => regionOf[v.OrganizationId] == r)}")
                    ),
                "stages "
                    + string.Join(
                        ",",
                        Enum.GetValues<InquiryStage>()
                            .Select(s => $"{s}:{inquiries.Count(i => i.Stage == s && InPeriod(i.SubmittedAtUtc))}")
                    ),
                $"upcoming {upcoming.Count} until {today.AddDays(GetDashboard.UpcomingDays)}: "
                    + string.Join(",", upcoming.Take(10).Select(v => v.Id)),
                $"reports {submitted.Count} oldest {oldest:O} "
                    + $"{(oldest is { } at ? today.DayNumber - DayOf(at).DayNumber : null)} days",
                $"overdue {overdue}",
                $"funnel {visited.Count}/"
                    + visited.Count(f =>
                        inquiries.Any(i => i.OrganizationId == f.Organization && i.SubmittedAtUtc >= f.First)
                    )
                    + "/"
                    + visited.Count(f =>
                        members.Any(m => m.OrganizationId == f.Organization && m.MemberSince >= DayOf(f.First))
                    ),
                "members "
                    + string.Join(
                        ",",
                        Enum.GetValues<MembershipCategory>().Select(c => $"{c}:{active.Count(m => m.Category == c)}")
                    )
                    + " "
                    + string.Join(
                        ",",
                        Enum.GetValues<Region>()
                            .Select(r => $"{r}:{active.Count(m => regionOf[m.OrganizationId] == r)}")
                    )
                    + $" joined {members.Count(m => m.MemberSince >= from && m.MemberSince <= to)}"
                    + $" check {applications.Count(a => a.State == ApplicationState.Received)}"
                    + $" committee {applications.Count(a => a.State == ApplicationState.Accepted)}"
            );
        });

    private async Task<int> AddFollowUpAsync(int visitId, DateOnly dueOn) =>
        (
            await portal.SendAsync(
                new AddFollowUp.Command
                {
                    VisitId = visitId,
                    Description = "Send the programme",
                    OwnerUserId = me.UserId,
                    DueOn = dueOn,
                }
            )
        ).Value;

    private Task<int> VisitVersionAsync(int id) =>
        portal.WithDbAsync(db => db.Visits.Where(v => v.Id == id).Select(v => v.Version).SingleAsync());

    private Task<int> FollowUpVersionAsync(int id) =>
        portal.WithDbAsync(db => db.FollowUps.Where(f => f.Id == id).Select(f => f.Version).SingleAsync());

    private Task<int> ReportVersionAsync(int id) =>
        portal.WithDbAsync(db => db.VisitReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

    /// <summary>An hour's visit from 10:00 in Seoul on <paramref name="date"/> by a city of that name (a new record of
    /// its own each time).</summary>
    private static Func<ScheduleVisit.Command, ScheduleVisit.Command> At(DateOnly date, string city) =>
        c =>
            c with
            {
                OrganizationName = city,
                CountryCode = "MY",
                Date = date,
                StartTime = new TimeOnly(10, 0),
                EndTime = new TimeOnly(11, 0),
            };
}
