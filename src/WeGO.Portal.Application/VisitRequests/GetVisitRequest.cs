using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>A visit request for staff, found by its reference: everything the city sent, what the Secretariat and the
/// city answered since, and its history.</summary>
public static class GetVisitRequest
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(string Reference) : IQuery<Details>;

    /// <summary>The request as read (not tracked: nothing changes it through this query) and its history.</summary>
    public sealed record Details(VisitRequest Request, IReadOnlyList<HistoryRow> History);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Details>
    {
        public async ValueTask<Details> Handle(Query query, CancellationToken cancellationToken)
        {
            var request = await db
                .VisitRequests.AsNoTracking()
                .SingleOrDefaultAsync(r => r.Reference == query.Reference, cancellationToken)
                ?? throw new DomainException("VisitRequest.NotFound");
            var history = await History.OfAsync(db, nameof(VisitRequest), request.Id, cancellationToken);
            return new Details(request, history);
        }
    }
}
