using System.Collections.Concurrent;
using System.Globalization;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Organizations;

/// <summary>ISO country codes and the WeGO region each one belongs to, used to suggest a region
/// (and so a regional office) from a country.</summary>
public static class Countries
{
    /// <summary>ISO 3166-1 alpha-2: always two letters.</summary>
    public const int CodeLength = 2;

    private static readonly Dictionary<Region, string[]> CodesByRegion = new()
    {
        [Region.EastAsia] = ["CN", "MN", "HK", "MO", "TW"],
        [Region.AsiaPacific] =
        [
            "KR",
            "JP",
            "MY",
            "SG",
            "ID",
            "TH",
            "VN",
            "PH",
            "KH",
            "LA",
            "MM",
            "BN",
            "TL",
            "IN",
            "BD",
            "LK",
            "NP",
            "BT",
            "MV",
            "PK",
            "AU",
            "NZ",
            "FJ",
            "PG",
            "WS",
            "TO",
        ],
        [Region.CentralAsia] = ["KZ", "KG", "TJ", "TM", "UZ", "AF", "AZ", "GE", "AM"],
        [Region.MiddleEastNorthAfrica] =
        [
            "AE",
            "SA",
            "QA",
            "KW",
            "BH",
            "OM",
            "YE",
            "JO",
            "LB",
            "SY",
            "IQ",
            "IR",
            "IL",
            "PS",
            "EG",
            "LY",
            "TN",
            "DZ",
            "MA",
            "SD",
        ],
        [Region.Africa] =
        [
            "NG",
            "GH",
            "KE",
            "ET",
            "TZ",
            "UG",
            "RW",
            "ZA",
            "ZM",
            "ZW",
            "MZ",
            "AO",
            "CM",
            "CI",
            "SN",
            "ML",
            "BF",
            "NE",
            "TD",
            "BJ",
            "TG",
            "SL",
            "LR",
            "GN",
            "MW",
            "MG",
            "BW",
            "NA",
            "CD",
            "CG",
            "GA",
            "SO",
            "DJ",
            "ER",
            "SS",
            "MU",
            "CV",
            "GM",
            "GW",
            "LS",
            "SZ",
            "BI",
            "CF",
            "GQ",
            "ST",
            "SC",
            "KM",
            "MR",
        ],
        [Region.Mediterranean] =
        [
            "TR",
            "GR",
            "IT",
            "ES",
            "PT",
            "FR",
            "MT",
            "CY",
            "HR",
            "SI",
            "BA",
            "ME",
            "AL",
            "RS",
            "MK",
            "BG",
            "RO",
            "DE",
            "GB",
            "IE",
            "NL",
            "BE",
            "LU",
            "CH",
            "AT",
            "PL",
            "CZ",
            "SK",
            "HU",
            "DK",
            "SE",
            "NO",
            "FI",
            "IS",
            "EE",
            "LV",
            "LT",
            "UA",
            "BY",
            "MD",
            "RU",
        ],
        [Region.LatinAmerica] =
        [
            "EC",
            "MX",
            "GT",
            "BZ",
            "HN",
            "SV",
            "NI",
            "CR",
            "PA",
            "CU",
            "DO",
            "HT",
            "JM",
            "TT",
            "CO",
            "VE",
            "PE",
            "BO",
            "CL",
            "AR",
            "UY",
            "PY",
            "BR",
            "GY",
            "SR",
        ],
        [Region.NorthAmerica] = ["US", "CA"],
    };

    private static readonly Dictionary<string, Region> RegionByCode = CodesByRegion
        .SelectMany(pair => pair.Value.Select(code => (code, pair.Key)))
        .ToDictionary(x => x.code, x => x.Key, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Codes => RegionByCode.Keys;

    /// <summary>The countries of a region, for filtering records that keep only a country code.</summary>
    public static IReadOnlyList<string> CodesIn(Region region) =>
        CodesByRegion.TryGetValue(region, out var codes) ? codes : [];

    public static bool IsKnown(string? code) => code is not null && RegionByCode.ContainsKey(code);

    /// <summary>The region a country belongs to; the Secretariat's region when the country is not listed.</summary>
    public static Region SuggestRegion(string countryCode) =>
        RegionByCode.TryGetValue(countryCode, out var region) ? region : Region.AsiaPacific;

    public static string RequireCode(string? code) =>
        IsKnown(code) ? code!.ToUpperInvariant() : throw new DomainException("Organization.CountryUnknown", code ?? "");

    private static readonly ConcurrentDictionary<(string Code, string Language), string> Names = new();

    /// <summary>CLDR's name of the country in <paramref name="language"/> (en, es, ko), through the ICU that .NET
    /// uses: a <see cref="RegionInfo"/> made from a whole culture name ("es-MY") gives its
    /// <see cref="RegionInfo.NativeName"/> in that culture's language ("Malasia"). The English name where ICU does not
    /// know the pair.</summary>
    public static string NameIn(string code, string language) =>
        Names.GetOrAdd((code.ToUpperInvariant(), language), static key =>
        {
            try
            {
                return new RegionInfo($"{key.Language}-{key.Code}").NativeName;
            }
            catch (ArgumentException)
            {
                return EnglishName(key.Code);
            }
        });

    public static string EnglishName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
