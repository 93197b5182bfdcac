using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Tests;

/// <summary>Country names come from CLDR through ICU, in the page's or release's language.</summary>
public sealed class CountryNameTests
{
    [Theory]
    [InlineData("en", "Malaysia")]
    [InlineData("es", "Malasia")]
    [InlineData("ko", "말레이시아")]
    public void Malaysia_is_named_in_each_release_language(string language, string name) =>
        Assert.Equal(name, Countries.NameIn("MY", language));

    [Fact]
    public void Every_country_has_a_name_in_English_Spanish_and_Korean()
    {
        foreach (var code in Countries.Codes)
        {
            foreach (var language in new[] { "en", "es", "ko" })
            {
                var name = Countries.NameIn(code, language);
                Assert.False(string.IsNullOrWhiteSpace(name), $"{code} has no name in {language}");
                Assert.NotEqual(code, name);
            }
        }

        Assert.Equal("Corea del Sur", Countries.NameIn("KR", "es"));
        Assert.Equal("대한민국", Countries.NameIn("KR", "ko"));
    }

    [Fact]
    public void An_organisation_has_a_name_in_each_language_and_the_official_name_stands_in_for_a_missing_one()
    {
        var seremban = new Organization(
            "Seremban City Council",
            "MY",
            Region.AsiaPacific,
            OrganizationKind.LocalGovernment,
            "Majlis Bandaraya Seremban"
        );

        seremban.NameInLanguages(" ", "Ayuntamiento de Seremban", "세렘반 시의회");

        Assert.Null(seremban.NameIn("en"));
        Assert.Equal("Ayuntamiento de Seremban", seremban.NameIn("es"));
        Assert.Equal("세렘반 시의회", seremban.NameIn("ko"));
        Assert.Equal("Seremban City Council", seremban.Name);
        Assert.Equal("Majlis Bandaraya Seremban", seremban.LocalName);
    }
}
