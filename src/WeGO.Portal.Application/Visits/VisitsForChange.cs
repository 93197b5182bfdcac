using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

public static class VisitsForChange
{
    /// <summary>Loads a visit with everything its rules look at, expecting the version the user's form was
    /// built from: if someone saved the visit since, the unit of work's save fails with a concurrency
    /// conflict instead of overwriting their change.</summary>
    public static Task<Visit> LoadForChangeAsync(
        this PortalDbContext db,
        int visitId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) =>
        db
            .Visits.Include(v => v.Organization)
            .Include(v => v.Hosts)
            .Include(v => v.Agenda)
            .Include(v => v.Topics)
            .Include(v => v.Delegation)
                .ThenInclude(d => d.Members)
            .AsSplitQuery()
            .SingleForChangeAsync(db, visitId, expectedVersion, "Visit.NotFound", cancellationToken);
}
