using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

public sealed class ProductionHostTests : IDisposable
{
    // A host per test, each a first start in Production: the no-demo test reads what such a start created.
    private readonly PortalFactory portal = CreatePortal();

    private static PortalFactory CreatePortal()
    {
        var portal = new PortalFactory { Environment = "Production", SeedDemo = false };
        portal.Settings["https_port"] = "443";
        return portal.Start();
    }

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Outside_development_cookies_are_secure_http_only_and_same_site()
    {
        using var response = await PortalClient.For(portal, https: true).GetAsync("/Account/SignIn");
        var cookie = response
            .Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("wego.antiforgery", StringComparison.Ordinal));

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_development_plain_http_is_redirected_to_https_with_hsts_on_https()
    {
        using var plain = await PortalClient.For(portal).GetAsync("/Account/SignIn");
        using var secure = await PortalClient.For(portal, https: true).GetAsync("/Account/SignIn");

        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https", plain.Headers.Location!.Scheme);
        Assert.Contains(
            "max-age=",
            secure.Headers.GetValues("Strict-Transport-Security").Single(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Outside_development_no_demo_data_is_created()
    {
        var client = PortalClient.For(portal, https: true);
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        Assert.DoesNotContain("Seremban", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }
}
