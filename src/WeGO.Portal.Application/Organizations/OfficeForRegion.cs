using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Organizations;

/// <summary>Which office looks after a region: its regional office, or the Seoul Secretariat for a region without
/// one (Asia and the Pacific, North America). What an inquiry is filed with, what its page suggests, and who looks
/// after a new member all ask this one rule.</summary>
public static class OfficeForRegion
{
    public static Task<int?> IdAsync(PortalDbContext db, Region region, CancellationToken cancellationToken) =>
        db
            .RegionalOffices.Where(o => o.Region == region || o.IsSecretariat)
            .OrderBy(o => o.Region == region && !o.IsSecretariat ? 0 : 1)
            .Select(o => (int?)o.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
