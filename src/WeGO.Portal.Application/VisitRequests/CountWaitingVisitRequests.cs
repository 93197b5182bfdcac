using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>How many visit requests wait for the Secretariat, for the badge in the navigation. One count on the
/// (Status, SubmittedAtUtc) index, kept until a request changes.</summary>
public static class CountWaitingVisitRequests
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query : IQuery<int>;

    public sealed class Handler(PortalDbContext db, ReadCache cache) : IQueryHandler<Query, int>
    {
        private static readonly string[] DependsOn = [ChangedData.TagOf<VisitRequest>()];

        public ValueTask<int> Handle(Query query, CancellationToken cancellationToken) =>
            cache.GetOrReadAsync(
                "waiting-visit-requests",
                DependsOn,
                async token => await db.VisitRequests.CountAsync(r => r.Status == VisitRequestStatus.Received, token),
                cancellationToken
            );
    }
}
