using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>How many reports wait for a director's decision, for the navigation badge.</summary>
public static class CountReportsAwaitingReview
{
    [AllowedTo(RoleGroup.ReviewReports)]
    public sealed record Query : IQuery<int>;

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, int>
    {
        public async ValueTask<int> Handle(Query query, CancellationToken cancellationToken) =>
            await db.VisitReports.CountAsync(r => r.State == ReviewState.Submitted, cancellationToken);
    }
}
