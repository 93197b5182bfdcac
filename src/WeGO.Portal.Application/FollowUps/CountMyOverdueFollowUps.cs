using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>How many of the signed-in colleague's follow-ups are overdue, for the badge in the navigation.
/// One count on an indexed column, kept per colleague and per their day (tomorrow, today's follow-ups are overdue:
/// a new key) until a follow-up changes.</summary>
public static class CountMyOverdueFollowUps
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query : IQuery<int>;

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock, ReadCache cache)
        : IQueryHandler<Query, int>
    {
        private static readonly string[] DependsOn = [ChangedData.TagOf<FollowUp>()];

        public async ValueTask<int> Handle(Query query, CancellationToken cancellationToken)
        {
            if (actor.UserId is not { } userId)
            {
                return 0;
            }

            var today = LocalDays.Today(clock, actor.TimeZoneId);
            return await cache.GetOrReadAsync(
                string.Create(CultureInfo.InvariantCulture, $"my-overdue-follow-ups:{today:yyyy-MM-dd}:{userId}"),
                DependsOn,
                async token =>
                    await db.FollowUps.CountAsync(
                        f => f.OwnerUserId == userId && f.Status == FollowUpStatus.Open && f.DueOn < today,
                        token
                    ),
                cancellationToken
            );
        }
    }
}
