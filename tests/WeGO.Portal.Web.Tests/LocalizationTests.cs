using System.Net;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

public sealed class LocalizationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public LocalizationTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    [Theory]
    [InlineData("en", "Welcome to the WeGO Portal")]
    [InlineData("es-MX", "Bienvenido al Portal WeGO")]
    [InlineData("ko-KR", "WeGO 포털에 오신 것을 환영합니다")]
    [InlineData("fr", "Welcome to the WeGO Portal")]
    public async Task Browser_language_chooses_the_page_language(string acceptLanguage, string welcome)
    {
        var home = await PortalClient.For(portal, acceptLanguage).GetPageAsync("/");

        Assert.Contains(welcome, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chosen_language_is_remembered_and_wins_over_the_browser_language()
    {
        var client = PortalClient.For(portal, "es");

        using var switched = await client.PostFormAsync(
            "/",
            [new("culture", "ko")],
            action: "/Culture?returnUrl=%2FAccount%2FSignIn"
        );

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/SignIn", switched.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/Account/SignIn");
        Assert.Contains("<html lang=\"ko\">", page, StringComparison.Ordinal);
        Assert.Contains("직원 로그인", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_switch_never_redirects_off_site()
    {
        var client = PortalClient.For(portal);

        using var switched = await client.PostFormAsync(
            "/",
            [new("culture", "es")],
            action: "/Culture?returnUrl=https%3A%2F%2Fevil.example%2F"
        );

        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unsupported_language_is_ignored()
    {
        var client = PortalClient.For(portal);
        (await client.PostFormAsync("/", [new("culture", "xx")], action: "/Culture?returnUrl=%2F")).Dispose();

        Assert.Contains("<html lang=\"en\">", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }
}
