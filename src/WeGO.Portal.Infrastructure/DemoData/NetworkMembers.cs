using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Infrastructure.DemoData;

/// <summary>A network of a few dozen members across every region and category, so the registry, the directory and the
/// dashboard look like WeGO's. Every one is invented: each name is the word "example" in a language of its country
/// (Contoh, Örnek, Mfano, Ejemplo...), so no reader mistakes a demo member for a real city.</summary>
internal static class NetworkMembers
{
    /// <summary>One demo member: who it is, since when, and where its history led.</summary>
    private sealed record Line(
        string Name,
        string? LocalName,
        string Country,
        Region Region,
        OrganizationKind Kind,
        MembershipCategory Category,
        int JoinedYear,
        MemberStatus Status = MemberStatus.Active
    );

    private const OrganizationKind City = OrganizationKind.LocalGovernment;

    private static readonly Line[] Lines =
    [
        new(
            "Contoh City Council",
            "Majlis Bandaraya Contoh",
            "MY",
            Region.AsiaPacific,
            City,
            MembershipCategory.Full,
            2011
        ),
        new("Halimbawa City", null, "PH", Region.AsiaPacific, City, MembershipCategory.Full, 2013),
        new("Yesi Metropolitan City", "예시광역시", "KR", Region.AsiaPacific, City, MembershipCategory.Full, 2010),
        new("Misal Municipal Corporation", null, "IN", Region.AsiaPacific, City, MembershipCategory.Full, 2016),
        new("Shili District", "示例区", "CN", Region.EastAsia, City, MembershipCategory.Full, 2012),
        new("Reiji City", "例示市", "JP", Region.EastAsia, City, MembershipCategory.Full, 2015),
        new(
            "Mysal City Akimat",
            "Мысал қаласының әкімдігі",
            "KZ",
            Region.CentralAsia,
            City,
            MembershipCategory.Full,
            2014
        ),
        new("Misol City", null, "UZ", Region.CentralAsia, City, MembershipCategory.Full, 2019),
        new(
            "Mithal Municipality",
            "بلدية مثال",
            "AE",
            Region.MiddleEastNorthAfrica,
            City,
            MembershipCategory.Full,
            2012
        ),
        new("Namudhaj City", null, "MA", Region.MiddleEastNorthAfrica, City, MembershipCategory.Associate, 2024),
        new("Mfano City County", null, "KE", Region.Africa, City, MembershipCategory.Full, 2017),
        new("Apeere Local Government", null, "NG", Region.Africa, City, MembershipCategory.Full, 2018),
        new("Exemple-sur-Lagune", null, "CI", Region.Africa, City, MembershipCategory.Associate, 2025),
        new(
            "Umzekelo Local Municipality",
            null,
            "ZA",
            Region.Africa,
            City,
            MembershipCategory.Full,
            2016,
            MemberStatus.Suspended
        ),
        new("Örnek Municipality", "Örnek Belediyesi", "TR", Region.Mediterranean, City, MembershipCategory.Full, 2011),
        new("Comune di Esempio", null, "IT", Region.Mediterranean, City, MembershipCategory.Full, 2020),
        new("Câmara Municipal de Exemplo", null, "PT", Region.Mediterranean, City, MembershipCategory.Associate, 2025),
        new(
            "Paradeigma Municipality",
            "Δήμος Παραδείγματος",
            "GR",
            Region.Mediterranean,
            City,
            MembershipCategory.Full,
            2013,
            MemberStatus.Withdrawn
        ),
        new("Municipio de Ejemplo", null, "EC", Region.LatinAmerica, City, MembershipCategory.Full, 2014),
        new("Prefeitura de Exemplo", null, "BR", Region.LatinAmerica, City, MembershipCategory.Full, 2018),
        new("City of Exampleton", null, "CA", Region.NorthAmerica, City, MembershipCategory.Full, 2021),
        new(
            "Asia-Pacific Association of Example Cities",
            null,
            "TH",
            Region.AsiaPacific,
            OrganizationKind.Institution,
            MembershipCategory.Friendship,
            2015
        ),
        new(
            "Red Latinoamericana de Ciudades de Ejemplo",
            null,
            "CO",
            Region.LatinAmerica,
            OrganizationKind.Institution,
            MembershipCategory.Friendship,
            2019
        ),
        new(
            "Mithal Digital Government Agency",
            null,
            "JO",
            Region.MiddleEastNorthAfrica,
            OrganizationKind.Other,
            MembershipCategory.Friendship,
            2022
        ),
        new(
            "Example Smart Systems Co., Ltd.",
            null,
            "KR",
            Region.AsiaPacific,
            OrganizationKind.SolutionProvider,
            MembershipCategory.Corporate,
            2017
        ),
        new(
            "Muestra GovTech S.L.",
            null,
            "ES",
            Region.Mediterranean,
            OrganizationKind.SolutionProvider,
            MembershipCategory.Corporate,
            2021
        ),
    ];

    /// <summary>Adds the members, each with the history its category implies: a Full member was an Associate member
    /// first and became Full at a Committee meeting a year later; suspended and withdrawn members say why. Every date
    /// falls before <paramref name="before"/>.</summary>
    public static async Task CreateAsync(PortalDbContext db, DateOnly before, CancellationToken cancellationToken)
    {
        var number = 0;
        foreach (var line in Lines)
        {
            number++;
            var organization = new Organization(line.Name, line.Country, line.Region, line.Kind, line.LocalName);
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(cancellationToken);

            var office = await OfficeForRegion.IdAsync(db, line.Region, cancellationToken);
            var joined = Earlier(new DateOnly(line.JoinedYear, 1 + number % 12, 1 + number % 27), before);
            var cause = $"WEGO-{line.JoinedYear}-DEMO{number:00}";
            var member = line.Category switch
            {
                MembershipCategory.Friendship or MembershipCategory.Corporate => Member.AdmittedByCommittee(
                    organization.Id,
                    line.Kind,
                    line.Category,
                    office,
                    joined,
                    cause
                ),
                _ => Member.AssociateOf(organization.Id, line.Kind, office, joined, cause),
            };
            if (line.Category == MembershipCategory.Full)
            {
                member.BecomeFull(Earlier(joined.AddYears(1), before), $"{cause} · Executive Committee");
            }

            var last = member.Changes[^1].On;
            if (line.Status == MemberStatus.Suspended)
            {
                member.Suspend(Earlier(last.AddYears(2), before), "Membership fees unpaid for two years.");
            }
            else if (line.Status == MemberStatus.Withdrawn)
            {
                member.Withdraw(
                    Earlier(last.AddYears(3), before),
                    "The new city council decided to leave international networks."
                );
            }

            organization.BecomeMember(joined);
            db.Members.Add(member);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly Earlier(DateOnly day, DateOnly before) => day < before ? day : before.AddDays(-1);
}
