using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

public static class FollowUpsForChange
{
    /// <summary>Loads a follow-up expecting the version the user's page showed: if someone closed or changed it
    /// since, the unit of work's save fails with a concurrency conflict instead of overwriting their change.</summary>
    public static async Task<FollowUp> LoadFollowUpForChangeAsync(
        this PortalDbContext db,
        int followUpId,
        int expectedVersion,
        CancellationToken cancellationToken
    )
    {
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == followUpId, cancellationToken)
            ?? throw new DomainException("FollowUp.NotFound");
        db.Entry(followUp).Property(f => f.Version).OriginalValue = expectedVersion;
        return followUp;
    }
}
