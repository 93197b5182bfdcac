using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

public static class VisitRequestsForChange
{
    /// <summary>Loads a request expecting the version the colleague's page was built from: if someone acted on it
    /// since, the unit of work's save fails with a concurrency conflict instead of acting twice.</summary>
    public static Task<VisitRequest> LoadVisitRequestForChangeAsync(
        this PortalDbContext db,
        int requestId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) =>
        db.VisitRequests.SingleForChangeAsync(
            db,
            requestId,
            expectedVersion,
            "VisitRequest.NotFound",
            cancellationToken
        );
}
