using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Home;

/// <summary>What a signed-in staff member sees first: the next visits, the latest ones, and follow-ups that need doing.</summary>
public static class GetHomeOverview
{
    public sealed record Query(int VisitsPerList = 5) : IQuery<Overview>;

    public sealed record Overview(IReadOnlyList<VisitRow> Upcoming, IReadOnlyList<VisitRow> Recent, int OpenFollowUps, int OverdueFollowUps);

    public sealed record VisitRow(int Id, string Organization, string CountryCode, DateTime StartsAtUtc, string TimeZoneId, VisitStatus Status, int Headcount, IReadOnlyList<string> Hosts);

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IQueryHandler<Query, Overview>
    {
        public async ValueTask<Overview> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var visits = db.Visits.AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled);

            var upcoming = await Rows(visits.Where(v => v.EndsAtUtc >= now).OrderBy(v => v.StartsAtUtc), query.VisitsPerList, cancellationToken);
            var recent = await Rows(visits.Where(v => v.EndsAtUtc < now).OrderByDescending(v => v.StartsAtUtc), query.VisitsPerList, cancellationToken);
            var open = await db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open, cancellationToken);
            var overdue = await db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open && f.DueOn < today, cancellationToken);
            return new Overview(upcoming, recent, open, overdue);
        }

        private static async Task<List<VisitRow>> Rows(IQueryable<Visit> visits, int count, CancellationToken cancellationToken) =>
            await visits.Take(count)
                .Select(v => new VisitRow(
                    v.Id,
                    v.Organization.Name,
                    v.Organization.CountryCode,
                    v.StartsAtUtc,
                    v.TimeZoneId,
                    v.Status,
                    v.Delegation.Members.Count > 0 ? v.Delegation.Members.Count : v.Delegation.ExpectedHeadcount,
                    v.Hosts.OrderBy(h => h.Order).Select(h => h.Name).ToList()))
                .ToListAsync(cancellationToken);
    }
}
