using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>The signed-in colleague's follow-ups: the open ones, then those closed lately, each by due date,
/// with the visit they came from.</summary>
public static class ListMyFollowUps
{
    public const int RecentDays = 30;

    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(
        int Id,
        int Version,
        string Description,
        DateOnly DueOn,
        FollowUpStatus Status,
        bool IsOverdue,
        DateTime? ClosedAtUtc,
        string? ClosedBy,
        int? VisitId,
        string? City,
        DateTime? VisitStartsAtUtc,
        string? VisitTimeZoneId
    );

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock)
        : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (actor.UserId is not { } userId)
            {
                return [];
            }

            var today = LocalDays.Today(clock, actor.TimeZoneId);
            var closedSince = clock.GetUtcNow().UtcDateTime.AddDays(-RecentDays);
            return await (
                from f in db.FollowUps.AsNoTracking()
                where f.OwnerUserId == userId && (f.Status == FollowUpStatus.Open || f.ClosedAtUtc >= closedSince)
                join v in db.Visits on f.VisitId equals (int?)v.Id into visits
                from v in visits.DefaultIfEmpty()
                orderby f.Status == FollowUpStatus.Open ? 0 : 1, f.DueOn, f.Id
                select new Row(
                    f.Id,
                    f.Version,
                    f.Description,
                    f.DueOn,
                    f.Status,
                    f.Status == FollowUpStatus.Open && f.DueOn < today,
                    f.ClosedAtUtc,
                    f.ClosedBy,
                    f.VisitId,
                    v == null ? null : v.Organization.Name,
                    v == null ? null : v.StartsAtUtc,
                    v == null ? null : v.TimeZoneId
                )
            ).ToListAsync(cancellationToken);
        }
    }
}
