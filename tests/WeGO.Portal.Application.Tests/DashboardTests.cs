using FluentValidation;
using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>A known history, with the clock at 15 June 2025, 12:00 in Seoul, so the default period is 1 June 2024 to 30
/// June 2025 (the last 12 full months and the current one). See <see cref="DashboardHistory"/> for who visited
/// when.</summary>
public sealed class DashboardTests(DashboardHistory history) : IClassFixture<DashboardHistory>
{
    /// <summary>June 2024 to June 2025, whole months: the period the history below is written around.</summary>
    private static readonly GetDashboard.Query JuneToJune = new()
    {
        From = new DateOnly(2024, 6, 1),
        To = new DateOnly(2025, 6, 30),
    };

    private Task<GetDashboard.Result> DashboardAsync(GetDashboard.Query? query = null) =>
        history.Portal.SendAsync(query ?? JuneToJune);

    private static int Month(GetDashboard.Result result, int year, int month) =>
        result.VisitsPerMonth.Single(m => m.Year == year && m.Month == month).Visits;

    [Fact]
    public async Task The_default_period_is_the_last_twelve_months_up_to_today_with_every_month_present()
    {
        var dashboard = await DashboardAsync(new GetDashboard.Query());

        Assert.Equal(new DateOnly(2024, 6, 16), dashboard.From);
        Assert.Equal(new DateOnly(2025, 6, 15), dashboard.To);
        Assert.Equal(new DateOnly(2025, 6, 15), dashboard.Today);
        Assert.Equal(DashboardPreset.Last12Months, dashboard.Preset);
        // The months it touches: the second half of June 2024 to the first half of June 2025.
        Assert.Equal(13, dashboard.VisitsPerMonth.Count);
        Assert.Equal((2024, 6), (dashboard.VisitsPerMonth[0].Year, dashboard.VisitsPerMonth[0].Month));
        Assert.Equal((2025, 6), (dashboard.VisitsPerMonth[^1].Year, dashboard.VisitsPerMonth[^1].Month));
        // Nothing after today: Lisbon (25 June) and Lima (30 June) are upcoming, not in the period; Bogotá (1 June
        // 2024) is before it.
        Assert.Equal([0, 2, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1], dashboard.VisitsPerMonth.Select(m => m.Visits));
    }

    [Fact]
    public async Task Visits_are_counted_per_Seoul_month_with_empty_months_as_zero_and_cancelled_visits_left_out()
    {
        var dashboard = await DashboardAsync();

        int[] expected = [1, 2, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 3];
        Assert.Equal(expected, dashboard.VisitsPerMonth.Select(m => m.Visits));
        Assert.Equal(9, dashboard.VisitsInPeriod);
    }

    [Fact]
    public async Task The_period_includes_its_first_and_last_Seoul_days_and_not_the_days_around_them()
    {
        var dashboard = await DashboardAsync();

        // 1 June 2024 00:30 in Seoul is still 31 May in UTC: counted in June. 31 May 23:30 in Seoul is not counted.
        Assert.Equal(1, Month(dashboard, 2024, 6));
        // 30 June 2025 (the last day) is counted; 1 July 2025 (the day after) is not.
        Assert.Equal(3, Month(dashboard, 2025, 6));
        Assert.DoesNotContain(dashboard.VisitsPerMonth, m => m.Year == 2025 && m.Month == 7);

        var lastDayOnly = await DashboardAsync(
            new GetDashboard.Query { From = new DateOnly(2025, 6, 30), To = new DateOnly(2025, 6, 30) }
        );
        Assert.Null(lastDayOnly.Preset);
        var dayAfterOnly = await DashboardAsync(
            new GetDashboard.Query { From = new DateOnly(2025, 7, 1), To = new DateOnly(2025, 7, 1) }
        );
        Assert.Equal(1, lastDayOnly.VisitsInPeriod);
        Assert.Equal(1, dayAfterOnly.VisitsInPeriod);
        Assert.Equal(
            0,
            (
                await DashboardAsync(
                    new GetDashboard.Query { From = new DateOnly(2025, 6, 26), To = new DateOnly(2025, 6, 29) }
                )
            ).VisitsInPeriod
        );
    }

    [Fact]
    public async Task Visits_are_counted_per_region_with_every_region_listed()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(Enum.GetValues<Region>(), dashboard.VisitsPerRegion.Select(r => r.Region));
        Assert.Equal(5, dashboard.VisitsPerRegion.Single(r => r.Region == Region.LatinAmerica).Visits);
        Assert.Equal(2, dashboard.VisitsPerRegion.Single(r => r.Region == Region.EastAsia).Visits);
        Assert.Equal(1, dashboard.VisitsPerRegion.Single(r => r.Region == Region.Africa).Visits);
        Assert.Equal(1, dashboard.VisitsPerRegion.Single(r => r.Region == Region.Mediterranean).Visits);
        Assert.Equal(0, dashboard.VisitsPerRegion.Single(r => r.Region == Region.NorthAmerica).Visits);
        Assert.Equal(9, dashboard.VisitsPerRegion.Sum(r => r.Visits));
    }

    [Fact]
    public async Task Upcoming_visits_are_the_next_thirty_days_without_cancelled_or_finished_ones()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(3, dashboard.Upcoming.Count);
        Assert.Equal(new DateOnly(2025, 7, 15), dashboard.Upcoming.Until);
        Assert.Equal(["Lisbon", "Lima", "Lima"], dashboard.Upcoming.First.Select(v => v.Organization));
        Assert.Equal(
            [VisitStatus.Requested, VisitStatus.Requested, VisitStatus.Confirmed],
            dashboard.Upcoming.First.Select(v => v.Status)
        );
        Assert.Equal(["Ana Ruiz"], dashboard.Upcoming.First[0].Hosts);

        var fewer = await DashboardAsync(new GetDashboard.Query { UpcomingShown = 1 });
        Assert.Equal(3, fewer.Upcoming.Count);
        Assert.Single(fewer.Upcoming.First);
    }

    [Fact]
    public async Task Reports_awaiting_review_are_the_submitted_ones_with_the_age_of_the_oldest()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(2, dashboard.ReportsAwaitingReview.Count);
        Assert.Equal(97, dashboard.ReportsAwaitingReview.OldestWaitingDays); // submitted 10 March 2025 in Seoul
    }

    [Fact]
    public async Task Overdue_follow_ups_are_open_ones_due_before_today_in_Seoul()
    {
        Assert.Equal(2, (await DashboardAsync()).OverdueFollowUps);
    }

    [Fact]
    public async Task Inquiries_submitted_in_the_period_are_counted_by_stage_with_every_stage_listed()
    {
        var dashboard = await DashboardAsync();

        Assert.Equal(Enum.GetValues<InquiryStage>(), dashboard.InquiriesByStage.Select(s => s.Stage));
        var counts = dashboard.InquiriesByStage.ToDictionary(s => s.Stage, s => s.Inquiries);
        Assert.Equal(1, counts[InquiryStage.New]);
        Assert.Equal(1, counts[InquiryStage.Contacted]);
        Assert.Equal(0, counts[InquiryStage.ApplicationSent]);
        Assert.Equal(0, counts[InquiryStage.UnderReview]);
        Assert.Equal(1, counts[InquiryStage.Approved]);
        Assert.Equal(0, counts[InquiryStage.Declined]);
        Assert.Equal(1, counts[InquiryStage.Withdrawn]);
        Assert.Equal(4, dashboard.InquiriesInPeriod);
    }

    [Fact]
    public async Task The_funnel_follows_organisations_from_their_first_visit_to_an_inquiry_after_it_and_the_registry()
    {
        var funnel = (await DashboardAsync()).Funnel;

        // Visited (visits that took place): Bogotá, Quito, Chengdu, Nairobi, Gangnam, Lima (this morning). Lisbon's is
        // still to come.
        Assert.Equal(6, funnel.Visited);
        // Inquired after the first visit: Quito, Nairobi, Gangnam (Chengdu's inquiry came before its visit).
        Assert.Equal(3, funnel.Inquired);
        // In the registry since a day not before the first visit: Quito, and Chengdu (it applied without a new
        // inquiry). Gangnam joined long before its visit; Nairobi has only the organisation's old member date, no
        // registry line.
        Assert.Equal(2, funnel.BecameMembers);
        Assert.Equal(0.5, funnel.InquiryRate!.Value, 6);
        Assert.Equal(1.0 / 3, funnel.MemberRate!.Value, 6);
    }

    [Fact]
    public async Task A_member_joined_before_the_period_s_first_visit_is_not_converted_by_a_later_one()
    {
        // Quito's first visit in a period from 1 January 2025 is the 5 March one, after it joined (1 December 2024).
        var funnel = (
            await DashboardAsync(
                new GetDashboard.Query { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 6, 15) }
            )
        ).Funnel;

        // Visited: Quito, Nairobi, Gangnam, Lima; inquired after: Nairobi, Gangnam; in the registry after: none.
        Assert.Equal(new GetDashboard.Funnel(4, 2, 0), funnel);
        Assert.Equal(0, funnel.MemberRate);
    }

    [Fact]
    public async Task An_empty_period_shows_zeros_everywhere_and_no_rates()
    {
        var dashboard = await DashboardAsync(
            new GetDashboard.Query { From = new DateOnly(2010, 1, 1), To = new DateOnly(2010, 3, 31) }
        );

        Assert.Equal(
            [(2010, 1, 0), (2010, 2, 0), (2010, 3, 0)],
            dashboard.VisitsPerMonth.Select(m => (m.Year, m.Month, m.Visits))
        );
        Assert.All(dashboard.VisitsPerRegion, r => Assert.Equal(0, r.Visits));
        Assert.All(dashboard.InquiriesByStage, s => Assert.Equal(0, s.Inquiries));
        Assert.Equal(new GetDashboard.Funnel(0, 0, 0), dashboard.Funnel);
        Assert.Null(dashboard.Funnel.InquiryRate);
        Assert.Null(dashboard.Funnel.MemberRate);
        // What waits now does not depend on the period.
        Assert.Equal(2, dashboard.ReportsAwaitingReview.Count);
        Assert.Equal(2, dashboard.OverdueFollowUps);
    }

    [Fact]
    public void A_funnel_with_visits_but_no_inquiries_can_still_have_members_and_both_shares_are_of_the_visited()
    {
        var funnel = new GetDashboard.Funnel(4, 0, 1);

        Assert.Equal(0, funnel.InquiryRate);
        Assert.Equal(0.25, funnel.MemberRate);
    }

    [Fact]
    public async Task Presets_choose_this_year_or_last_year_and_win_over_dates()
    {
        var thisYear = await DashboardAsync(
            new GetDashboard.Query { Preset = DashboardPreset.ThisYear, From = new DateOnly(2010, 1, 1) }
        );
        var lastYear = await DashboardAsync(new GetDashboard.Query { Preset = DashboardPreset.LastYear });

        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (thisYear.From, thisYear.To));
        Assert.Equal(12, thisYear.VisitsPerMonth.Count);
        int[] visits2025 = [1, 1, 1, 0, 0, 3, 2, 0, 0, 0, 0, 0];
        Assert.Equal(visits2025, thisYear.VisitsPerMonth.Select(m => m.Visits));
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), (lastYear.From, lastYear.To));
        Assert.Equal(4, lastYear.VisitsInPeriod);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_or_spans_more_than_ten_years_is_refused()
    {
        var reversed = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            DashboardAsync(new GetDashboard.Query { From = new DateOnly(2025, 6, 1), To = new DateOnly(2025, 5, 31) })
        );
        var tooLong = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            DashboardAsync(new GetDashboard.Query { From = new DateOnly(2015, 1, 1), To = new DateOnly(2025, 1, 1) })
        );

        Assert.Equal("The period must end on or after the day it starts.", Assert.Single(reversed.Errors).ErrorMessage);
        Assert.Equal("Choose a period of at most 10 years.", Assert.Single(tooLong.Errors).ErrorMessage);
        Assert.Equal(
            120,
            (
                await DashboardAsync(
                    new GetDashboard.Query { From = new DateOnly(2015, 1, 1), To = new DateOnly(2024, 12, 31) }
                )
            )
                .VisitsPerMonth
                .Count
        );
    }
}

/// <summary>The dashboard's known history, written once for all its tests (they only read it).
/// Clock: 15 June 2025, 12:00 in Seoul.
/// <list type="bullet">
/// <item>Bogotá (Latin America): a visit 1 June 2024 00:30 Seoul (first day, counted) and one 31 May 2024 23:30
/// (not).</item>
/// <item>Quito (Latin America): visits 10 July 2024 and 5 March 2025; an inquiry 1 August 2024, approved; in the
/// registry (Associate) since 1 December 2024.</item>
/// <item>Chengdu (East Asia): a visit 20 July 2024; an inquiry 1 May 2024, before it (and before the period); in the
/// registry (Associate) since 1 September 2024.</item>
/// <item>Oslo (Mediterranean): a cancelled visit 10 September 2024.</item>
/// <item>Nairobi (Africa): a visit 15 January 2025; an inquiry 1 February 2025, contacted; the organisation's old
/// member date (1 March 2025) but no registry line.</item>
/// <item>Gangnam (East Asia): in the registry (Full) since 2020; a visit 10 February 2025; an inquiry 20 February 2025,
/// withdrawn.</item>
/// <item>Lima (Latin America): a visit earlier today (over), 20 June (cancelled), 30 June (requested, the last day),
/// 1 July (confirmed, the day after), 20 July (beyond 30 days).</item>
/// <item>Lisbon (Mediterranean): a visit 25 June 2025, requested (in the period, not yet visited).</item>
/// <item>An unmatched inquiry 10 June 2025, new. Reports: two submitted (10 March and 1 May 2025), one approved, one
/// draft. Follow-ups: open and due 1 and 14 June (overdue), open and due today, done and due in May.</item>
/// </list></summary>
public sealed class DashboardHistory : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon15JuneSeoul = new(2025, 6, 15, 3, 0, 0, TimeSpan.Zero);

    internal ClockedPortal Portal { get; } = new(new FixedClock(Noon15JuneSeoul)) { SeedDemo = false };

    public async Task InitializeAsync()
    {
        Portal.Start();
        var now = Noon15JuneSeoul.UtcDateTime;
        await Portal.WithDbAsync(async db =>
        {
            var bogota = City(db, "Bogotá", "CO", Region.LatinAmerica);
            var quito = City(db, "Quito", "EC", Region.LatinAmerica);
            var chengdu = City(db, "Chengdu", "CN", Region.EastAsia);
            var oslo = City(db, "Oslo", "NO", Region.Mediterranean);
            var nairobi = City(db, "Nairobi", "KE", Region.Africa);
            var gangnam = City(db, "Gangnam-gu", "KR", Region.EastAsia);
            var lima = City(db, "Lima", "PE", Region.LatinAmerica);
            var lisbon = City(db, "Lisbon", "PT", Region.Mediterranean);
            // Quito becomes a member on 1 December 2024 by the approval of its inquiry below.
            gangnam.BecomeMember(new DateOnly(2020, 1, 1));
            nairobi.BecomeMember(new DateOnly(2025, 3, 1));

            Visit(db, bogota, new DateOnly(2024, 6, 1), new TimeOnly(0, 30), now).Complete(now);
            Visit(db, bogota, new DateOnly(2024, 5, 31), new TimeOnly(23, 30), now).Complete(now);
            var quitoFirst = Visit(db, quito, new DateOnly(2024, 7, 10), new TimeOnly(10, 0), now);
            quitoFirst.Complete(now);
            var quitoSecond = Visit(db, quito, new DateOnly(2025, 3, 5), new TimeOnly(10, 0), now);
            quitoSecond.Complete(now);
            var chengduVisit = Visit(db, chengdu, new DateOnly(2024, 7, 20), new TimeOnly(10, 0), now);
            chengduVisit.Complete(now);
            Visit(db, oslo, new DateOnly(2024, 9, 10), new TimeOnly(10, 0), now, confirm: false)
                .Cancel("Flights cancelled");
            var nairobiVisit = Visit(db, nairobi, new DateOnly(2025, 1, 15), new TimeOnly(10, 0), now);
            nairobiVisit.Complete(now);
            Visit(db, gangnam, new DateOnly(2025, 2, 10), new TimeOnly(10, 0), now).Complete(now);
            Visit(db, lima, new DateOnly(2025, 6, 15), new TimeOnly(9, 0), now).Complete(now);
            Visit(db, lima, new DateOnly(2025, 6, 20), new TimeOnly(10, 0), now, confirm: false).Cancel("Postponed");
            Visit(db, lisbon, new DateOnly(2025, 6, 25), new TimeOnly(10, 0), now, confirm: false);
            Visit(db, lima, new DateOnly(2025, 6, 30), new TimeOnly(10, 0), now, confirm: false);
            Visit(db, lima, new DateOnly(2025, 7, 1), new TimeOnly(10, 0), now);
            Visit(db, lima, new DateOnly(2025, 7, 20), new TimeOnly(10, 0), now);
            await db.SaveChangesAsync();

            Registry(db, quito, MembershipCategory.Associate, new DateOnly(2024, 12, 1));
            Registry(db, chengdu, MembershipCategory.Associate, new DateOnly(2024, 9, 1));
            Registry(db, gangnam, MembershipCategory.Full, new DateOnly(2020, 1, 1));

            Inquiry(
                db,
                quito,
                Seoul(2024, 8, 1),
                InquiryStage.Contacted,
                InquiryStage.ApplicationSent,
                InquiryStage.UnderReview,
                InquiryStage.Approved
            );
            Inquiry(db, chengdu, Seoul(2024, 5, 1));
            Inquiry(db, nairobi, Seoul(2025, 2, 1), InquiryStage.Contacted);
            Inquiry(db, gangnam, Seoul(2025, 2, 20), InquiryStage.Withdrawn);
            Inquiry(db, null, Seoul(2025, 6, 10));

            Report(db, quitoSecond, submittedAt: Seoul(2025, 3, 10));
            Report(db, quitoFirst, submittedAt: Seoul(2025, 5, 1));
            Report(db, nairobiVisit, submittedAt: Seoul(2025, 1, 20)).Approve("Director", Seoul(2025, 1, 25));
            Report(db, chengduVisit, submittedAt: null);

            FollowUp(db, quitoSecond, new DateOnly(2025, 6, 1), now);
            FollowUp(db, quitoSecond, new DateOnly(2025, 6, 14), now);
            FollowUp(db, quitoSecond, new DateOnly(2025, 6, 15), now);
            FollowUp(db, quitoSecond, new DateOnly(2025, 5, 1), now).Complete("Ana Ruiz", now);
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Noon in Seoul on that day, as UTC.</summary>
    private static DateTime Seoul(int year, int month, int day) => new(year, month, day, 3, 0, 0, DateTimeKind.Utc);

    private static Organization City(PortalDbContext db, string name, string country, Region region) =>
        db.Organizations.Add(new Organization(name, country, region, OrganizationKind.LocalGovernment)).Entity;

    private static void Registry(PortalDbContext db, Organization city, MembershipCategory category, DateOnly since) =>
        db.Members.Add(TestData.RegistryMember(city.Id, city.Kind, category, since));

    private static Visit Visit(
        PortalDbContext db,
        Organization city,
        DateOnly date,
        TimeOnly start,
        DateTime now,
        bool confirm = true
    )
    {
        var visit = Domain.Visits.Visit.Schedule(
            city,
            "Exchange",
            "Seoul Secretariat",
            date,
            start,
            start.AddMinutes(25),
            VenueTime.Seoul,
            now
        );
        visit.AddHost("Ana Ruiz", "Program Officer");
        if (confirm)
        {
            visit.Confirm();
        }

        return db.Visits.Add(visit).Entity;
    }

    private static void Inquiry(
        PortalDbContext db,
        Organization? city,
        DateTime submittedAtUtc,
        params InquiryStage[] moves
    )
    {
        var applicant = new InquiryApplicant(
            city?.Name ?? "Valparaíso",
            city?.CountryCode ?? "CL",
            OrganizationKind.LocalGovernment,
            null,
            "María Soto",
            null,
            "maria@example.org",
            null,
            "es",
            MembershipInterest.CapacityBuilding,
            null,
            null,
            null,
            null,
            ConsentGiven: true
        );
        var inquiry = new MembershipInquiry(
            $"WGO-{db.MembershipInquiries.Local.Count + 1:D4}",
            Guid.NewGuid().ToString("N"),
            applicant,
            submittedAtUtc
        );
        if (city is not null)
        {
            inquiry.MatchTo(city.Id);
        }

        foreach (var stage in moves.Where(s => !TestData.FollowsApplication(s)))
        {
            inquiry.MoveTo(stage, submittedAtUtc.AddDays(1));
        }

        db.MembershipInquiries.Add(inquiry);
        if (moves.LastOrDefault() is var last && TestData.FollowsApplication(last))
        {
            // An application needs the inquiry's id.
            db.SaveChanges();
            db.MembershipApplications.Add(
                TestData.InquiryApplication(inquiry, last, new DateOnly(2024, 12, 1), submittedAtUtc.AddDays(1))
            );
            if (last == InquiryStage.Approved)
            {
                // As the acceptance does for a city.
                city!.BecomeMember(new DateOnly(2024, 12, 1));
            }
        }
    }

    private static VisitReport Report(PortalDbContext db, Visit visit, DateTime? submittedAt)
    {
        var report = new VisitReport(visit.Id, "staff-1", "Ana Ruiz", visit.EndsAtUtc);
        report.Write(new ReportContent("What was discussed", null, null, null, null, null, null), visit.EndsAtUtc);
        if (submittedAt is { } at)
        {
            report.Submit("staff-1", "Ana Ruiz", "en", at);
        }

        return db.VisitReports.Add(report).Entity;
    }

    private static FollowUp FollowUp(PortalDbContext db, Visit visit, DateOnly dueOn, DateTime now) =>
        db.FollowUps.Add(new FollowUp("Send the programme", "Ana Ruiz", null, dueOn, visit.Id, null, now)).Entity;
}
