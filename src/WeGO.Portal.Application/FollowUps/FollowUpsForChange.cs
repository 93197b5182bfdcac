using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

public static class FollowUpsForChange
{
    /// <summary>Loads a follow-up expecting the version the user's page showed: if someone closed or changed it
    /// since, the unit of work's save fails with a concurrency conflict instead of overwriting their change.</summary>
    public static Task<FollowUp> LoadFollowUpForChangeAsync(
        this PortalDbContext db,
        int followUpId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) => db.FollowUps.SingleForChangeAsync(db, followUpId, expectedVersion, "FollowUp.NotFound", cancellationToken);
}
