using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>How many reports wait for a director's decision, for the navigation badge: kept until a report
/// changes.</summary>
public static class CountReportsAwaitingReview
{
    [AllowedTo(RoleGroup.ReviewReports)]
    public sealed record Query : IQuery<int>;

    public sealed class Handler(PortalDbContext db, ReadCache cache) : IQueryHandler<Query, int>
    {
        private static readonly string[] DependsOn = [ChangedData.TagOf<VisitReport>()];

        public ValueTask<int> Handle(Query query, CancellationToken cancellationToken) =>
            cache.GetOrReadAsync(
                "reports-awaiting-review",
                DependsOn,
                async token => await db.VisitReports.CountAsync(r => r.State == ReviewState.Submitted, token),
                cancellationToken
            );
    }
}
