using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Testing;

public static partial class TestData
{
    /// <summary>A city record as the Secretariat keeps it (a visit or an inquiry made it), with a distinct name so no
    /// other test's record resembles it: Seremban's council in Malaysia unless the test says otherwise. Returns its
    /// id.</summary>
    public static Task<int> CityRecordAsync(
        this PortalFactory portal,
        string? name = null,
        string? localName = null,
        string countryCode = "MY",
        Region region = Region.AsiaPacific,
        OrganizationKind kind = OrganizationKind.LocalGovernment
    ) =>
        portal.WithDbAsync(async db =>
        {
            var city = new Organization(name ?? $"{DistinctWord()} City Council", countryCode, region, kind, localName);
            db.Organizations.Add(city);
            await db.SaveChangesAsync();
            return city.Id;
        });

    /// <summary>An application staff received directly (no inquiry) from <paramref name="organizationId"/>, signed
    /// by Seremban's councillor writing in <paramref name="language"/>. Returns the application's id and its own
    /// status token.</summary>
    public static async Task<(int ApplicationId, string StatusToken)> DirectApplicationAsync(
        this PortalFactory portal,
        int organizationId,
        string language = "en"
    )
    {
        var started = await portal.SendAsync(
            new StartApplication.Command
            {
                OrganizationId = organizationId,
                ContactName = "Lee Kai Yet",
                ContactEmail = "official@example.org",
                Language = language,
            }
        );
        return (started.ApplicationId.Value, started.StatusToken!);
    }
}
