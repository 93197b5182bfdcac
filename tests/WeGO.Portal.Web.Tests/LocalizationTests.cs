using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

public sealed class LocalizationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public LocalizationTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    /// <summary>The portal keeps each text once read (KeptTexts): a kept text is still the reader's language, one
    /// language after another on the same localizer, with its arguments formatted each time; a name the resources do
    /// not hold comes back as itself, as ASP.NET Core's localizer answers.</summary>
    [Fact]
    public void Kept_texts_answer_in_each_readers_language()
    {
        Assert.IsType<Pipeline.KeptTexts>(portal.Services.GetRequiredService<IStringLocalizerFactory>());
        var text = portal.Services.GetRequiredService<IStringLocalizer<UiText>>();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            string PageOf(string language, int page)
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(language);
                return text["Visits.PageOf", page, 7].Value;
            }

            Assert.Equal("Página 2 de 7", PageOf("es", 2));
            Assert.Equal("7쪽 중 3쪽", PageOf("ko", 3));
            Assert.Equal("Page 4 of 7", PageOf("en", 4));
            Assert.Equal("Página 5 de 7", PageOf("es", 5));
            var unknown = text["No.Such.Text"];
            Assert.True(unknown.ResourceNotFound);
            Assert.Equal("No.Such.Text", unknown.Value);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
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

        using var switched = await client.SwitchLanguageAsync("ko", "/Account/SignIn");

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

        using var switched = await client.SwitchLanguageAsync("es", "https://evil.example/");

        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unsupported_language_is_ignored()
    {
        var client = PortalClient.For(portal);
        (await client.SwitchLanguageAsync("xx", "/")).Dispose();

        Assert.Contains("<html lang=\"en\">", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    public async Task Another_site_cannot_choose_the_visitors_language(string header, string value)
    {
        var client = PortalClient.For(portal);

        using var switched = await client.SwitchLanguageAsync("ko", "/", (header, value));

        Assert.Equal(HttpStatusCode.BadRequest, switched.StatusCode);
        Assert.False(switched.Headers.Contains("Set-Cookie"));
        Assert.Contains("<html lang=\"en\">", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_switch_is_the_same_form_for_every_visitor_without_a_token()
    {
        var home = await PortalClient.For(portal).GetPageAsync("/");

        Assert.Contains("action=\"/Culture?returnUrl=%2F\"", home, StringComparison.Ordinal);
        Assert.Null(PortalClient.AntiforgeryToken(home));
    }
}
