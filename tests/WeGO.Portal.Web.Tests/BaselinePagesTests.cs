using System.Net;
using System.Text.RegularExpressions;
using WeGO.Portal.Testing;
using WeGO.Portal.Web.Http;

namespace WeGO.Portal.Web.Tests;

/// <summary>The load benchmark's baseline pages (Pages/Baseline) exist only when
/// Portal:Benchmarks:Baseline=true.</summary>
public sealed class BaselinePagesTests
{
    [Theory]
    [InlineData("/Baseline/Visits")]
    [InlineData("/Baseline/Visit/1")]
    [InlineData("/Baseline/Inquiries")]
    [InlineData("/Baseline/Dashboard")]
    [InlineData("/Baseline/Join")]
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
        using var portal = new PortalFactory { SeedDemo = true };
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

    [Fact]
    public async Task Enabled_baseline_form_stores_an_inquiry_that_the_baseline_and_portal_pipelines_both_list()
    {
        using var portal = new PortalFactory { SeedDemo = true };
        portal.Settings[BaselinePages.Setting] = "true";
        portal.Start();
        var official = PortalClient.For(portal);
        var staff = PortalClient.For(portal);
        await staff.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        using var posted = await official.PostFormAsync(
            "/Baseline/Join",
            [
                new("Input.OrganizationName", "Baseline Town"),
                new("Input.CountryCode", "MY"),
                new("Input.Kind", "LocalGovernment"),
                new("Input.Population", "1000"),
                new("Input.ContactName", "Aida Rahman"),
                new("Input.Email", "aida@example.org"),
                new("Input.PreferredLanguage", "en"),
                new("Input.Interests", "CapacityBuilding"),
                new("Input.ConsentGiven", "true"),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var sent = await official.GetPageAsync(posted.Headers.Location!.OriginalString);
        var reference = Regex.Match(sent, @"WGO-\d{4}-[A-Z0-9]{6}").Value;

        Assert.NotEmpty(reference);
        Assert.Contains(reference, await staff.GetPageAsync("/Baseline/Inquiries"), StringComparison.Ordinal);
        Assert.Contains(reference, await staff.GetPageAsync("/Membership/Inquiries"), StringComparison.Ordinal);
        static string VisitsInPeriod(string page) =>
            Regex.Match(page, @"id=""visits-in-period"">([^<]+)<").Groups[1].Value;
        var dashboard = VisitsInPeriod(await staff.GetPageAsync("/Dashboard"));
        Assert.NotEmpty(dashboard);
        Assert.Equal(dashboard, VisitsInPeriod(await staff.GetPageAsync("/Baseline/Dashboard")));
    }
}
