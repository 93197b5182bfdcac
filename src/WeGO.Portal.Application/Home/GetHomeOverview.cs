using System.ComponentModel;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Home;

/// <summary>What a signed-in staff member sees first: the next visits, the latest ones, and follow-ups that need
/// doing.</summary>
public static class GetHomeOverview
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int VisitsPerList = 5) : IQuery<Overview>;

    [ImmutableObject(true)]
    public sealed record Overview(
        int UpcomingCount,
        IReadOnlyList<ListVisits.Row> Upcoming,
        IReadOnlyList<ListVisits.Row> Recent,
        int OpenFollowUps,
        int OverdueFollowUps
    );

    /// <summary>Kept until a visit, organisation or follow-up changes, or until <paramref name="ValidUntilUtc"/>: the
    /// next start or end of a visit (a visit moves from the next ones to the latest when it ends) or
    /// midnight.</summary>
    [ImmutableObject(true)]
    internal sealed record KeptOverview(Overview Overview, DateTime ValidUntilUtc);

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer, TimeProvider clock, ReadCache cache)
        : IQueryHandler<Query, Overview>
    {
        private static readonly string[] DependsOn =
        [
            ChangedData.TagOf<Visit>(),
            ChangedData.TagOf<Organization>(),
            ChangedData.TagOf<FollowUp>(),
        ];

        public async ValueTask<Overview> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var zone = viewer.TimeZoneId;
            var today = LocalDays.Today(clock, zone);
            var kept = await cache.GetOrReadAsync(
                string.Create(CultureInfo.InvariantCulture, $"home:{zone}:{today:yyyy-MM-dd}:{query.VisitsPerList}"),
                DependsOn,
                async token => await ReadAsync(query, now, today, zone, token),
                kept => now < kept.ValidUntilUtc,
                cancellationToken
            );
            return kept.Overview;
        }

        private async Task<KeptOverview> ReadAsync(
            Query query,
            DateTime now,
            DateOnly today,
            string zone,
            CancellationToken cancellationToken
        )
        {
            var visits = db.Visits.AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled);
            // A visit lasts less than a day (it is scheduled on one date), so bounding its start lets the
            // database use the start-time index instead of walking every past visit.
            var dayAgo = now.AddDays(-1);
            var upcoming = visits.Where(v => v.StartsAtUtc >= dayAgo && v.EndsAtUtc >= now);

            // Counted in two parts so the large one is answered from the (start, status) index alone: visits not yet
            // started (a visit ends after it starts), and the few of the last day still going on. Counting the whole of
            // `upcoming` at once reads every future visit's row for its end time: 13 ms at 100,000 visits, against 1
            // ms.
            var notStarted = await visits.CountAsync(v => v.StartsAtUtc >= now, cancellationToken);
            var goingOn = await visits
                .Where(v => v.StartsAtUtc >= dayAgo && v.StartsAtUtc < now && v.EndsAtUtc >= now)
                .GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), FirstEnd = g.Min(v => v.EndsAtUtc) })
                .SingleOrDefaultAsync(cancellationToken);
            var nextStart = await visits
                .Where(v => v.StartsAtUtc >= now)
                .OrderBy(v => v.StartsAtUtc)
                .Select(v => (DateTime?)v.StartsAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
            var next = await ListVisits
                .Project(upcoming.OrderBy(v => v.StartsAtUtc).Take(query.VisitsPerList))
                .ToListAsync(cancellationToken);
            var recent = await ListVisits
                .Project(
                    visits
                        .Where(v => v.StartsAtUtc < now && v.EndsAtUtc < now)
                        .OrderByDescending(v => v.StartsAtUtc)
                        .Take(query.VisitsPerList)
                )
                .ToListAsync(cancellationToken);
            var open = await db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open, cancellationToken);
            var overdue = await db.FollowUps.CountAsync(
                f => f.Status == FollowUpStatus.Open && f.DueOn < today,
                cancellationToken
            );
            // Nothing changes before the first going-on visit ends (one tick after its end time) or the next one
            // starts (a visit not yet started ends after its start, so no end comes sooner), or at midnight.
            DateTime[] changesAt =
            [
                goingOn is null ? DateTime.MaxValue : goingOn.FirstEnd.AddTicks(1),
                nextStart ?? DateTime.MaxValue,
                LocalDays.StartUtc(today.AddDays(1), zone),
            ];
            var overview = new Overview(notStarted + (goingOn?.Count ?? 0), next, recent, open, overdue);
            return new KeptOverview(overview, changesAt.Min());
        }
    }
}
