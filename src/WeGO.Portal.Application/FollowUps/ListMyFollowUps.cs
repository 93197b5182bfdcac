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
    public sealed record Query : IQuery<IReadOnlyList<FollowUpView>>;

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock)
        : IQueryHandler<Query, IReadOnlyList<FollowUpView>>
    {
        public async ValueTask<IReadOnlyList<FollowUpView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (actor.UserId is not { } userId)
            {
                return [];
            }

            var today = LocalDays.Today(clock, actor.TimeZoneId);
            var closedSince = clock.GetUtcNow().UtcDateTime.AddDays(-RecentDays);
            var mine = db
                .FollowUps.AsNoTracking()
                .Where(f =>
                    f.OwnerUserId == userId && (f.Status == FollowUpStatus.Open || f.ClosedAtUtc >= closedSince)
                );
            return await FollowUpView
                .Of(mine, db, today)
                .OrderBy(f => f.Status == FollowUpStatus.Open ? 0 : 1)
                .ThenBy(f => f.DueOn)
                .ThenBy(f => f.Id)
                .ToListAsync(cancellationToken);
        }
    }
}
