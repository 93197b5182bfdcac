using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

public static class ApplicationsForChange
{
    /// <summary>
    /// Loads an application with its documents, expecting the version the user's page was built from.
    /// </summary>
    public static Task<MembershipApplication> LoadApplicationForChangeAsync(
        this PortalDbContext db,
        int applicationId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) =>
        db
            .MembershipApplications.Include(a => a.Documents)
            .SingleForChangeAsync(db, applicationId, expectedVersion, "Application.NotFound", cancellationToken);
}
