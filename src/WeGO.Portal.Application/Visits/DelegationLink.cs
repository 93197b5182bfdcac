using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

public static class DelegationLink
{
    /// <summary>Loads, for a change by the delegation's contact, the visit whose delegation page
    /// <paramref name="token"/> opens; a token that opens nothing (unknown, cancelled visit, expired) is
    /// "Visit.NotFound", so the page answers 404 as it does for a GET.</summary>
    public static async Task<Visit> LoadForDelegationAsync(
        this PortalDbContext db,
        string? token,
        DateTime nowUtc,
        DelegationSettings settings,
        CancellationToken cancellationToken
    )
    {
        var hash = PrivateLinks.IsWellFormed(token) ? PrivateLinks.HashStatusToken(token!) : null;
        var visit = hash is null
            ? null
            : await db
                .Visits.Include(v => v.Delegation)
                    .ThenInclude(d => d.Members)
                .SingleOrDefaultAsync(v => v.Delegation.LinkTokenHash == hash, cancellationToken);
        if (visit is null || !visit.IsDelegationLinkOpen(nowUtc, TimeSpan.FromDays(settings.LinkDaysAfterVisit)))
        {
            throw new DomainException("Visit.NotFound");
        }

        return visit;
    }
}
