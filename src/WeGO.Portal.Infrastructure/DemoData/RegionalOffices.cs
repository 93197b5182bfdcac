using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Infrastructure.DemoData;

/// <summary>The Seoul Secretariat and WeGO's six regional offices: reference data every installation needs.</summary>
public static class RegionalOffices
{
    public static IReadOnlyList<RegionalOffice> All() =>
        [
            new("WeGO Secretariat", "Seoul", "KR", Region.AsiaPacific, isSecretariat: true),
            new("Regional Office for East Asia", "Chengdu", "CN", Region.EastAsia, isSecretariat: false),
            new("Regional Office for the Mediterranean", "Beyoglu", "TR", Region.Mediterranean, isSecretariat: false),
            new("Regional Office for Africa", "Abuja", "NG", Region.Africa, isSecretariat: false),
            new(
                "Regional Office for the Middle East and North Africa",
                "Abu Dhabi",
                "AE",
                Region.MiddleEastNorthAfrica,
                isSecretariat: false
            ),
            new("Regional Office for Latin America", "Cuenca", "EC", Region.LatinAmerica, isSecretariat: false),
            new("Regional Office for Central Asia", "Almaty", "KZ", Region.CentralAsia, isSecretariat: false),
        ];

    public static async Task EnsureAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.RegionalOffices.Select(o => o.Name).ToListAsync(cancellationToken);
        db.RegionalOffices.AddRange(All().Where(o => !existing.Contains(o.Name)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
