using System.ComponentModel;
using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Dashboard;

/// <summary>Periods a director picks with one click.</summary>
public enum DashboardPreset
{
    Last12Months = 1,
    ThisYear = 2,
    LastYear = 3,
}

/// <summary>The directors' dashboard: what is coming, what waits for them, and how visits turn into inquiries and
/// members over a period. Every figure is counted by the database (GROUP BY / COUNT), so it stays fast at 100,000
/// visits and 100,000 inquiries. Days and months are the viewer's, in their time zone, like the visits list and its
/// date filter.</summary>
public static class GetDashboard
{
    public const int UpcomingDays = 30;
    public const int MaxYears = 10;

    /// <summary>A preset wins over dates; without either, the last 12 months up to today.
    /// A missing date is taken from that default.</summary>
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query : IQuery<Result>
    {
        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public DashboardPreset? Preset { get; init; }

        public int UpcomingShown { get; init; } = 10;
    }

    [ImmutableObject(true)]
    public sealed record Result
    {
        public required DateOnly From { get; init; }

        public required DateOnly To { get; init; }

        public required DashboardPreset? Preset { get; init; }

        public required DateOnly Today { get; init; }

        public required Upcoming Upcoming { get; init; }

        public required IReadOnlyList<MonthCount> VisitsPerMonth { get; init; }

        public required IReadOnlyList<RegionCount> VisitsPerRegion { get; init; }

        public required ReportsWaiting ReportsAwaitingReview { get; init; }

        public required int OverdueFollowUps { get; init; }

        public required IReadOnlyList<StageCount> InquiriesByStage { get; init; }

        public required Funnel Funnel { get; init; }

        public required MembersNow Members { get; init; }

        public int VisitsInPeriod => VisitsPerMonth.Sum(m => m.Visits);

        public int InquiriesInPeriod => InquiriesByStage.Sum(s => s.Inquiries);
    }

    /// <summary>Visits starting in the next 30 days (not cancelled): how many, and the first of them.</summary>
    public sealed record Upcoming(int Count, DateOnly Until, IReadOnlyList<ListVisits.Row> First);

    public sealed record MonthCount(int Year, int Month, int Visits);

    public sealed record RegionCount(Region Region, int Visits);

    public sealed record StageCount(InquiryStage Stage, int Inquiries);

    /// <summary>Reports submitted and not yet approved or sent back; the oldest has waited <see
    /// cref="OldestWaitingDays"/> days.</summary>
    public sealed record ReportsWaiting(int Count, DateTime? OldestSubmittedAtUtc, int? OldestWaitingDays);

    /// <summary>Organisations visited in the period (visits that have taken place, not the ones still to come); of
    /// them, those that sent an inquiry on or after their first visit in the period, and those that joined the member
    /// registry (any category, any status now) on or after that visit's day. A city may apply without an inquiry
    /// (decision 21), so members are not a subset of inquirers: both shares are of the organisations visited.</summary>
    public sealed record Funnel(int Visited, int Inquired, int BecameMembers)
    {
        /// <summary>Null when nobody was visited: there is no rate to show, rather than a division by zero.</summary>
        public double? InquiryRate => Rate(Inquired, Visited);

        public double? MemberRate => Rate(BecameMembers, Visited);

        private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
    }

    /// <summary>The member registry and its queues as they stand today, whatever the period: the registry keeps each
    /// member's status now (its history is per member, not a count by date), and work waiting is waiting now. Only
    /// <see cref="JoinedInPeriod"/> follows the period. Every count covers all regions, as the rest of the dashboard
    /// does; each region has its own number.</summary>
    public sealed record MembersNow(
        IReadOnlyList<CategoryCount> ActiveByCategory,
        IReadOnlyList<MemberRegionCount> ActiveByRegion,
        int JoinedInPeriod,
        int AwaitingCheck,
        int AwaitingCommittee
    )
    {
        public int Active => ActiveByCategory.Sum(c => c.Members);
    }

    public sealed record CategoryCount(MembershipCategory Category, int Members);

    public sealed record MemberRegionCount(Region Region, int Members);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            RuleFor(q => q.To)
                .GreaterThanOrEqualTo(q => q.From!.Value)
                .When(q => q.Preset is null && q.From is not null && q.To is not null)
                .WithMessage(_ => messages["Dashboard.PeriodReversed"]);
            RuleFor(q => q.To)
                .Must((q, to) => to!.Value < q.From!.Value.AddYears(MaxYears))
                .When(q => q.Preset is null && q.From is not null && q.To is not null)
                .WithMessage(_ => messages["Dashboard.PeriodTooLong", MaxYears]);
            RuleFor(q => q.Preset).IsInEnum();
            RuleFor(q => q.UpcomingShown).InclusiveBetween(0, 100);
        }
    }

    /// <summary>The period a query asks for, as the viewer's days, both included. Each preset is what its name says:
    /// the last 12 months end today and start the day after the same date a year ago (nothing in the future); this
    /// year and last year are whole calendar years.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(Query query, DateOnly today)
    {
        switch (query.Preset)
        {
            case DashboardPreset.ThisYear:
                return (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
            case DashboardPreset.LastYear:
                return (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31));
            case DashboardPreset.Last12Months:
                return (today.AddYears(-1).AddDays(1), today);
            default:
                var (from, to) = PeriodOf(query with { Preset = DashboardPreset.Last12Months }, today);
                return (query.From ?? from, query.To ?? to);
        }
    }

    /// <summary>Kept by <see cref="ReadCache"/> until a change to any kind of record counted here is committed, or
    /// until <paramref name="ValidUntilUtc"/>: the first instant a figure relative to now would differ (the viewer's
    /// next midnight, the end of an upcoming visit, the start of one that enters the next 30 days or the
    /// funnel).</summary>
    [ImmutableObject(true)]
    internal sealed record Figures(Result Result, DateTime ValidUntilUtc);

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer, TimeProvider clock, ReadCache cache)
        : IQueryHandler<Query, Result>
    {
        /// <summary>Every kind of record a figure counts (a visit's region and a member's are their
        /// organisation's).</summary>
        private static readonly string[] DependsOn =
        [
            ChangedData.TagOf<Visit>(),
            ChangedData.TagOf<Organization>(),
            ChangedData.TagOf<MembershipInquiry>(),
            ChangedData.TagOf<FollowUp>(),
            ChangedData.TagOf<VisitReport>(),
            ChangedData.TagOf<Member>(),
            ChangedData.TagOf<MembershipApplication>(),
        ];

        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var zone = viewer.TimeZoneId;
            var today = LocalDays.Today(clock, zone);
            var (from, to) = PeriodOf(query, today);
            var preset = query.Preset ?? (query.From is null && query.To is null ? DashboardPreset.Last12Months : null);
            // Days and months are the viewer's: their zone is part of what is read, and so is today (the period, the
            // overdue follow-ups and the upcoming days depend on it).
            var key = string.Create(
                CultureInfo.InvariantCulture,
                $"dashboard:{zone}:{today:yyyy-MM-dd}:{from:yyyy-MM-dd}:{to:yyyy-MM-dd}:{preset}:{query.UpcomingShown}"
            );
            var figures = await cache.GetOrReadAsync(
                key,
                DependsOn,
                async token => await CountAsync(now, zone, today, from, to, preset, query.UpcomingShown, token),
                kept => now < kept.ValidUntilUtc,
                cancellationToken
            );
            return figures.Result;
        }

        private async Task<Figures> CountAsync(
            DateTime now,
            string zone,
            DateOnly today,
            DateOnly from,
            DateOnly to,
            DashboardPreset? preset,
            int upcomingShown,
            CancellationToken cancellationToken
        )
        {
            var startUtc = LocalDays.StartUtc(from, zone);
            var endUtc = LocalDays.EndUtc(to, zone);

            // Cancelled visits did not happen: they count nowhere on the dashboard.
            var visitsInPeriod = db
                .Visits.AsNoTracking()
                .Where(v => v.Status != VisitStatus.Cancelled && v.StartsAtUtc >= startUtc && v.StartsAtUtc < endUtc);

            // Months and regions in one pass over the period's visits (one statement per offset span of the zone).
            var counted = new List<(int Year, int Month, Region Region, int Visits)>();
            foreach (var (spanStart, spanEnd, offset) in LocalDays.OffsetSpans(zone, startUtc, endUtc))
            {
                var minutes = offset.TotalMinutes;
                var rows = await visitsInPeriod
                    .Where(v => v.StartsAtUtc >= spanStart && v.StartsAtUtc < spanEnd)
                    .Select(v => new { Local = v.StartsAtUtc.AddMinutes(minutes), v.Organization.Region })
                    .GroupBy(x => new
                    {
                        x.Local.Year,
                        x.Local.Month,
                        x.Region,
                    })
                    .Select(g => new
                    {
                        g.Key.Year,
                        g.Key.Month,
                        g.Key.Region,
                        Visits = g.Count(),
                    })
                    .ToListAsync(cancellationToken);
                counted.AddRange(rows.Select(r => (r.Year, r.Month, r.Region, r.Visits)));
            }

            var stages = await db
                .MembershipInquiries.AsNoTracking()
                .Where(i => i.SubmittedAtUtc >= startUtc && i.SubmittedAtUtc < endUtc)
                .GroupBy(i => i.Stage)
                .Select(g => new StageCount(g.Key, g.Count()))
                .ToListAsync(cancellationToken);

            var (upcoming, upcomingChangesAt) = await UpcomingAsync(now, today, upcomingShown, cancellationToken);
            // A visit of the period still to come enters the funnel when it starts.
            var nextStartInPeriod = await visitsInPeriod
                .Where(v => v.StartsAtUtc > now)
                .OrderBy(v => v.StartsAtUtc)
                .Select(v => (DateTime?)v.StartsAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
            var result = new Result
            {
                From = from,
                To = to,
                Preset = preset,
                Today = today,
                Upcoming = upcoming,
                VisitsPerMonth = EveryMonth(
                    from,
                    to,
                    [.. counted.Select(c => new MonthCount(c.Year, c.Month, c.Visits))]
                ),
                VisitsPerRegion =
                [
                    .. Enum.GetValues<Region>()
                        .Select(r => new RegionCount(r, counted.Where(c => c.Region == r).Sum(c => c.Visits))),
                ],
                ReportsAwaitingReview = await ReportsWaitingAsync(today, zone, cancellationToken),
                OverdueFollowUps = await db.FollowUps.CountAsync(
                    f => f.Status == FollowUpStatus.Open && f.DueOn < today,
                    cancellationToken
                ),
                InquiriesByStage =
                [
                    .. Enum.GetValues<InquiryStage>()
                        .Select(s => new StageCount(s, stages.SingleOrDefault(c => c.Stage == s)?.Inquiries ?? 0)),
                ],
                Funnel = await FunnelAsync(visitsInPeriod.Where(v => v.StartsAtUtc <= now), cancellationToken),
                Members = await MembersAsync(from, to, cancellationToken),
            };
            DateTime[] changesAt =
            [
                LocalDays.StartUtc(today.AddDays(1), zone),
                upcomingChangesAt,
                nextStartInPeriod ?? DateTime.MaxValue,
            ];
            return new Figures(result, changesAt.Min());
        }

        /// <summary>The upcoming visits, and the first instant they would differ without a write: when the first of
        /// them ends (or a day after it started), or when the next visit after them comes within 30 days.</summary>
        private async Task<(Upcoming Upcoming, DateTime ChangesAtUtc)> UpcomingAsync(
            DateTime now,
            DateOnly today,
            int shown,
            CancellationToken cancellationToken
        )
        {
            // A visit lasts less than a day, so bounding its start keeps the start-time index in use (as on the home
            // page).
            var dayAgo = now.AddDays(-1);
            var until = now.AddDays(UpcomingDays);
            var notCancelled = db.Visits.AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled);
            var upcoming = notCancelled.Where(v =>
                v.StartsAtUtc >= dayAgo && v.EndsAtUtc >= now && v.StartsAtUtc < until
            );
            var counted = await upcoming
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Count = g.Count(),
                    FirstEnd = g.Min(v => v.EndsAtUtc),
                    FirstStart = g.Min(v => v.StartsAtUtc),
                })
                .SingleOrDefaultAsync(cancellationToken);
            var nextAfter = await notCancelled
                .Where(v => v.StartsAtUtc >= until)
                .OrderBy(v => v.StartsAtUtc)
                .Select(v => (DateTime?)v.StartsAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
            var first =
                shown == 0
                    ? []
                    : await ListVisits
                        .Project(upcoming.OrderBy(v => v.StartsAtUtc).ThenBy(v => v.Id).Take(shown))
                        .ToListAsync(cancellationToken);
            // A figure is true up to and including the instant in its condition; it changes one tick later.
            DateTime[] changesAt =
            [
                counted is null ? DateTime.MaxValue : counted.FirstEnd.AddTicks(1),
                counted is null ? DateTime.MaxValue : counted.FirstStart.AddDays(1).AddTicks(1),
                nextAfter is { } next ? next.AddDays(-UpcomingDays).AddTicks(1) : DateTime.MaxValue,
            ];
            return (new Upcoming(counted?.Count ?? 0, today.AddDays(UpcomingDays), first), changesAt.Min());
        }

        private async Task<ReportsWaiting> ReportsWaitingAsync(
            DateOnly today,
            string zone,
            CancellationToken cancellationToken
        )
        {
            var waiting = await db
                .VisitReports.AsNoTracking()
                .Where(r => r.State == ReviewState.Submitted)
                .GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), Oldest = g.Min(r => r.SubmittedAtUtc) })
                .SingleOrDefaultAsync(cancellationToken);
            if (waiting?.Oldest is not { } oldest)
            {
                return new ReportsWaiting(waiting?.Count ?? 0, null, null);
            }

            var submittedOn = LocalDays.DayOf(oldest, zone);
            return new ReportsWaiting(waiting.Count, oldest, today.DayNumber - submittedOn.DayNumber);
        }

        private async Task<MembersNow> MembersAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            // The registry's own filter, so each number is what its link to the registry lists.
            // Both breakdowns from one GROUP BY (decision 23's note: each statement costs more than its rows).
            var active = await new ListMembers.Filter { Status = MemberStatus.Active }
                .Apply(db)
                .GroupBy(m => new { m.Category, m.Region })
                .Select(g => new
                {
                    g.Key.Category,
                    g.Key.Region,
                    Members = g.Count(),
                })
                .ToListAsync(cancellationToken);
            // A member's start date is a day in Seoul, the Secretariat's; the period's days are compared as they are.
            var joined = await db.Members.CountAsync(
                m => m.MemberSince >= from && m.MemberSince <= to,
                cancellationToken
            );
            var waiting = await db
                .MembershipApplications.AsNoTracking()
                .Where(a => a.State == ApplicationState.Received || a.State == ApplicationState.Accepted)
                .GroupBy(a => a.State)
                .Select(g => new { State = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return new MembersNow(
                [
                    .. Enum.GetValues<MembershipCategory>()
                        .Select(c => new CategoryCount(c, active.Where(x => x.Category == c).Sum(x => x.Members))),
                ],
                [
                    .. Enum.GetValues<Region>()
                        .Select(r => new MemberRegionCount(r, active.Where(x => x.Region == r).Sum(x => x.Members))),
                ],
                joined,
                waiting.SingleOrDefault(w => w.State == ApplicationState.Received)?.Count ?? 0,
                waiting.SingleOrDefault(w => w.State == ApplicationState.Accepted)?.Count ?? 0
            );
        }

        private async Task<Funnel> FunnelAsync(IQueryable<Visit> visitsInPeriod, CancellationToken cancellationToken)
        {
            // A member's start date in the registry is the Secretariat's, in Seoul: an organisation joined after its
            // visit when that date is not before the visit's Seoul day (the registry, not Organization.MemberSince,
            // which the inquiry's old Approved stage stamps). Korea has kept one offset since 1988, so shifting UTC by
            // it in SQL gives that day.
            var seoulHours = VenueTime.Zone(VenueTime.Seoul).BaseUtcOffset.TotalHours;
            var firstVisits = visitsInPeriod
                .GroupBy(v => v.OrganizationId)
                .Select(g => new { OrganizationId = g.Key, FirstUtc = g.Min(v => v.StartsAtUtc) });
            var journeys = firstVisits.Select(f => new
            {
                Inquired = db.MembershipInquiries.Any(i =>
                    i.OrganizationId == f.OrganizationId && i.SubmittedAtUtc >= f.FirstUtc
                ),
                Joined = db.Members.Any(m =>
                    m.OrganizationId == f.OrganizationId
                    && m.MemberSince >= DateOnly.FromDateTime(f.FirstUtc.AddHours(seoulHours))
                ),
            });
            var funnel = await journeys
                .GroupBy(_ => 1)
                .Select(g => new Funnel(g.Count(), g.Count(j => j.Inquired), g.Count(j => j.Joined)))
                .SingleOrDefaultAsync(cancellationToken);
            return funnel ?? new Funnel(0, 0, 0);
        }
    }

    /// <summary>Every month of the period in order, with zero for months without visits (a month counted in two offset
    /// spans adds up).</summary>
    private static List<MonthCount> EveryMonth(DateOnly from, DateOnly to, IReadOnlyList<MonthCount> counted)
    {
        var months = new List<MonthCount>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            months.Add(
                new MonthCount(
                    month.Year,
                    month.Month,
                    counted.Where(c => c.Year == month.Year && c.Month == month.Month).Sum(c => c.Visits)
                )
            );
        }

        return months;
    }
}
