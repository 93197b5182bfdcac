using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>One follow-up with the visit it came from, for the page that closes or reopens it.</summary>
public static class GetFollowUp
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Query(int Id) : IQuery<FollowUpView?>;

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer, TimeProvider clock)
        : IQueryHandler<Query, FollowUpView?>
    {
        public async ValueTask<FollowUpView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = LocalDays.Today(clock, viewer.TimeZoneId);
            return await FollowUpView
                .Of(db.FollowUps.AsNoTracking().Where(f => f.Id == query.Id), db, today)
                .SingleOrDefaultAsync(cancellationToken);
        }
    }
}
