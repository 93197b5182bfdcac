namespace WeGO.Portal.Domain.Organizations;

/// <summary>The world regions WeGO's offices cover. The Seoul Secretariat covers Asia and the Pacific
/// and any region without an office of its own.</summary>
public enum Region
{
    AsiaPacific = 1,
    EastAsia = 2,
    CentralAsia = 3,
    MiddleEastNorthAfrica = 4,
    Africa = 5,
    Mediterranean = 6,
    LatinAmerica = 7,
    NorthAmerica = 8,
}
