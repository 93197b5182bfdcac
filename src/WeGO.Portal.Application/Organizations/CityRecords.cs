using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Organizations;

/// <summary>The city's one record for what a stranger typed on a public form (a membership inquiry, a visit request):
/// the same name in the same country, else a close name there, else a new record added to the unit of work.</summary>
public static class CityRecords
{
    public static async Task<Organization> MatchOrAddAsync(
        PortalDbContext db,
        string name,
        string country,
        OrganizationKind kind,
        int? population,
        CancellationToken cancellationToken
    )
    {
        var organization = await SimilarOrganizations.FindSameAsync(db, name, country, cancellationToken);
        if (organization is not null)
        {
            return organization;
        }

        var similar = await SimilarOrganizations.FindAsync(db, name, country, cancellationToken);
        if (similar.FirstOrDefault(o => o.CountryCode == country) is { } close)
        {
            return await db.Organizations.SingleAsync(o => o.Id == close.Id, cancellationToken);
        }

        organization = new Organization(name, country, Countries.SuggestRegion(country), kind);
        organization.SetPopulation(population);
        db.Organizations.Add(organization);
        return organization;
    }
}
