using System.Net;
using WeGO.Portal.Testing;
using WeGO.Portal.Web.Http;

namespace WeGO.Portal.Web.Tests;

/// <summary>The load benchmark's baseline pages (Pages/Baseline) exist only when Portal:Benchmarks:Baseline=true.</summary>
public sealed class BaselinePagesTests
{
    [Theory]
    [InlineData("/Baseline/Visits")]
    [InlineData("/Baseline/Visit/1")]
    public async Task Baseline_pages_are_not_found_in_production_unless_enabled(string path)
    {
        using var portal = new PortalFactory { Environment = "Production", SeedDemo = false };
        portal.Settings["https_port"] = "443";
        portal.Start();
        var anonymous = PortalClient.For(portal, https: true);
        var administrator = PortalClient.For(portal, https: true);
        await administrator.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        using var asAnonymous = await anonymous.GetAsync(path);
        using var asAdministrator = await administrator.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, asAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asAdministrator.StatusCode);
    }

    [Fact]
    public async Task Enabled_baseline_pages_show_the_same_visits_as_the_portal_pages()
    {
        using var portal = new PortalFactory();
        portal.Settings[BaselinePages.Setting] = "true";
        portal.Start();
        var client = PortalClient.For(portal);
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var list = await client.GetPageAsync("/Baseline/Visits");
        var visit = await client.GetPageAsync("/Baseline/Visit/1");

        Assert.Contains("Seremban City Council", list, StringComparison.Ordinal);
        Assert.Contains("Jeong-kee Kim", visit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.For(portal).GetAsync("/Baseline/Visits")).StatusCode);
    }
}
