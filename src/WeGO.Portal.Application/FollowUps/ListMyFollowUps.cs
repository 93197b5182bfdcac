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

    public sealed record Row
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required string Description { get; init; }

        public required DateOnly DueOn { get; init; }

        public required FollowUpStatus Status { get; init; }

        public required bool IsOverdue { get; init; }

        public required DateTime? ClosedAtUtc { get; init; }

        public required string? ClosedBy { get; init; }

        public required int? VisitId { get; init; }

        public required string? City { get; init; }

        public required DateTime? VisitStartsAtUtc { get; init; }

        public required string? VisitTimeZoneId { get; init; }
    }

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
                select new Row
                {
                    Id = f.Id,
                    Version = f.Version,
                    Description = f.Description,
                    DueOn = f.DueOn,
                    Status = f.Status,
                    IsOverdue = f.Status == FollowUpStatus.Open && f.DueOn < today,
                    ClosedAtUtc = f.ClosedAtUtc,
                    ClosedBy = f.ClosedBy,
                    VisitId = f.VisitId,
                    City = v == null ? null : v.Organization.Name,
                    VisitStartsAtUtc = v == null ? null : v.StartsAtUtc,
                    VisitTimeZoneId = v == null ? null : v.TimeZoneId,
                }
            ).ToListAsync(cancellationToken);
        }
    }
}
