using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Organizations;

/// <summary>The Seoul Secretariat or one of WeGO's regional offices.</summary>
public sealed class RegionalOffice : Entity
{
    public const int NameMaxLength = 200;
    public const int CityMaxLength = 100;

    private RegionalOffice() { }

    public RegionalOffice(string name, string city, string countryCode, Region region, bool isSecretariat)
    {
        Name = Require.Text(name, "RegionalOffice.NameRequired", NameMaxLength);
        City = Require.Text(city, "RegionalOffice.CityRequired", CityMaxLength);
        CountryCode = Countries.RequireCode(countryCode);
        Region = region;
        IsSecretariat = isSecretariat;
    }

    public string Name { get; private set; } = "";

    public string City { get; private set; } = "";

    public string CountryCode { get; private set; } = "";

    /// <summary>The region this office serves.</summary>
    public Region Region { get; private set; }

    public bool IsSecretariat { get; private set; }
}
