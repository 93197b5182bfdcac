using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Tests;

public sealed class OrganizationTests
{
    [Theory]
    [InlineData("Seremban City Council", "SEREMBAN CITY COUNCIL")]
    [InlineData("  seremban   city-council ", "SEREMBAN CITY COUNCIL")]
    [InlineData("Beyoğlu Belediyesi", "BEYOGLU BELEDIYESI")]
    [InlineData("Bogotá, D.C.", "BOGOTA D C")]
    [InlineData("서울특별시", "서울특별시")]
    public void Names_are_normalized_for_matching(string name, string expected)
    {
        Assert.Equal(expected, Organization.NormalizeName(name));
    }

    [Fact]
    public void Unknown_country_is_refused()
    {
        Assert.Equal(
            "Organization.CountryUnknown",
            Assert
                .Throws<DomainException>(() =>
                    new Organization("Atlantis", "XX", Region.AsiaPacific, OrganizationKind.LocalGovernment)
                )
                .Code
        );
    }

    [Fact]
    public void Country_code_is_stored_upper_case()
    {
        Assert.Equal(
            "MY",
            new Organization(
                "Seremban City Council",
                "my",
                Region.AsiaPacific,
                OrganizationKind.LocalGovernment
            ).CountryCode
        );
    }

    [Fact]
    public void An_organisation_becomes_a_member_once()
    {
        var seremban = new Organization(
            "Seremban City Council",
            "MY",
            Region.AsiaPacific,
            OrganizationKind.LocalGovernment
        );
        seremban.BecomeMember(new DateOnly(2025, 1, 1));

        Assert.True(seremban.IsMember);
        Assert.Equal(
            "Organization.AlreadyMember",
            Assert.Throws<DomainException>(() => seremban.BecomeMember(new DateOnly(2025, 2, 1))).Code
        );
        Assert.Equal(new DateOnly(2025, 1, 1), seremban.MemberSince);
    }

    [Theory]
    [InlineData("MY", Region.AsiaPacific)]
    [InlineData("CN", Region.EastAsia)]
    [InlineData("TR", Region.Mediterranean)]
    [InlineData("NG", Region.Africa)]
    [InlineData("AE", Region.MiddleEastNorthAfrica)]
    [InlineData("EC", Region.LatinAmerica)]
    [InlineData("KZ", Region.CentralAsia)]
    public void Region_is_suggested_from_the_country(string country, Region region)
    {
        Assert.Equal(region, Countries.SuggestRegion(country));
    }

    [Fact]
    public void Every_listed_country_is_a_real_iso_code()
    {
        foreach (var code in Countries.Codes)
        {
            Assert.NotEqual(code, Countries.EnglishName(code));
        }
    }
}
