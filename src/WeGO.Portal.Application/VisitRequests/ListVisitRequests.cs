using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>The triage queue, oldest first in each part: the requests waiting for the Secretariat (new, or answered by
/// the city), those waiting for the city to answer other dates, and those decided in the last weeks.</summary>
public static class ListVisitRequests
{
    /// <summary>How far back "recently decided" reaches, and how many of them the page shows.</summary>
    public static readonly TimeSpan RecentlyDecided = TimeSpan.FromDays(30);

    public const int RecentlyDecidedShown = 50;

    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query : IQuery<Triage>;

    public sealed record Triage(
        IReadOnlyList<Row> ForTheSecretariat,
        IReadOnlyList<Row> ForTheCity,
        IReadOnlyList<Row> Decided
    );

    public sealed record Row(
        int Id,
        string Reference,
        string OrganizationName,
        string CountryCode,
        DateOnly EarliestDate,
        DateOnly LatestDate,
        int DelegationSize,
        DateTime SubmittedAtUtc,
        VisitRequestStatus Status,
        DateTime StatusChangedAtUtc,
        bool CityAnswered,
        int? VisitId
    );

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IQueryHandler<Query, Triage>
    {
        public async ValueTask<Triage> Handle(Query query, CancellationToken cancellationToken)
        {
            var since = clock.GetUtcNow().UtcDateTime - RecentlyDecided;
            var open = await db
                .VisitRequests.AsNoTracking()
                .Where(r => r.Status == VisitRequestStatus.Received || r.Status == VisitRequestStatus.DatesProposed)
                .OrderBy(r => r.SubmittedAtUtc)
                .Select(ToRow)
                .ToListAsync(cancellationToken);
            var decided = await db
                .VisitRequests.AsNoTracking()
                .Where(r =>
                    (r.Status == VisitRequestStatus.Accepted || r.Status == VisitRequestStatus.Declined)
                    && r.StatusChangedAtUtc >= since
                )
                .OrderByDescending(r => r.StatusChangedAtUtc)
                .Take(RecentlyDecidedShown)
                .Select(ToRow)
                .ToListAsync(cancellationToken);
            return new Triage(
                [.. open.Where(r => r.Status == VisitRequestStatus.Received)],
                [.. open.Where(r => r.Status == VisitRequestStatus.DatesProposed)],
                decided
            );
        }

        private static readonly Expression<Func<VisitRequest, Row>> ToRow = r => new Row(
            r.Id,
            r.Reference,
            r.OrganizationName,
            r.CountryCode,
            r.EarliestDate,
            r.LatestDate,
            r.DelegationSize,
            r.SubmittedAtUtc,
            r.Status,
            r.StatusChangedAtUtc,
            r.CityAnswer != null,
            r.VisitId
        );
    }
}
