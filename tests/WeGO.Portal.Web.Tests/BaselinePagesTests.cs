using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.TestHost;
using WeGO.Portal.Baseline;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The load benchmark's baseline pages (bench/WeGO.Portal.Baseline) are not part of the portal: it answers
/// 404 for them, and only a host that adds them (the benchmark's, or <see cref="BaselinePortal"/> here) serves them,
/// showing what the portal's pages show. The tests of the baseline pages share one <see cref="BaselinePortal"/> and
/// compare the rows they make themselves.</summary>
public sealed class BaselinePagesTests(BaselinePagesTests.BaselinePortal baseline)
    : IClassFixture<BaselinePagesTests.BaselinePortal>
{
    /// <summary>The portal with the baseline pages added exactly as the benchmark's host adds them.</summary>
    public sealed class BaselinePortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddBaselinePages());
        }
    }

    [Fact]
    public async Task The_portal_answers_not_found_for_every_baseline_page_even_to_an_administrator()
    {
        // A portal of its own: the product as deployed (Production, without the baseline pages), not the class's.
        using var portal = new PortalFactory { Environment = "Production", SeedDemo = false };
        portal.Settings["https_port"] = "443";
        portal.Start();
        var anonymous = PortalClient.For(portal, https: true);
        var administrator = PortalClient.For(portal, https: true);
        await administrator.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        foreach (
            var path in (string[])
                [
                    "/Baseline/Visits",
                    "/Baseline/Visit/1",
                    "/Baseline/Inquiries",
                    "/Baseline/Dashboard",
                    "/Baseline/Join",
                ]
        )
        {
            using var asAnonymous = await anonymous.GetAsync(path);
            using var asAdministrator = await administrator.GetAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, asAnonymous.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, asAdministrator.StatusCode);
        }
    }

    [Fact]
    public void The_portal_assembly_holds_no_baseline_page_or_type()
    {
        var portal = typeof(Program).Assembly;

        Assert.DoesNotContain(portal.GetTypes(), type => type.FullName!.Contains("Baseline", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.GetCustomAttributes<RazorCompiledItemAttribute>(), page =>
            page.Identifier.StartsWith("/Pages/Baseline/", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Baseline_pages_show_the_same_visits_as_the_portal_pages()
    {
        var portal = baseline.Start();
        var city = TestData.Unique("Seremban City Council");
        var host = TestData.Unique("Jeong-kee Kim");
        var visitId = await portal.ScheduleVisitAsync(c => c with { OrganizationName = city, OtherHostName = host });
        var client = PortalClient.For(portal);
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var list = await client.GetPageAsync("/Baseline/Visits");
        var visit = await client.GetPageAsync($"/Baseline/Visit/{visitId}");

        Assert.Contains(city, list, StringComparison.Ordinal);
        Assert.Contains(city, await client.GetPageAsync("/Visits"), StringComparison.Ordinal);
        Assert.Contains(host, visit, StringComparison.Ordinal);
        Assert.Contains(host, await client.GetPageAsync($"/Visits/Details/{visitId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.For(portal).GetAsync("/Baseline/Visits")).StatusCode);
    }

    [Fact]
    public async Task Baseline_form_stores_an_inquiry_that_the_baseline_and_portal_pipelines_both_list()
    {
        var portal = baseline.Start();
        // A visit a week ago, in the dashboards' default period (the last 12 months), for them to count.
        var weekAgo = DateOnly.FromDateTime(VenueTime.ToLocal(DateTime.UtcNow, VenueTime.Seoul)).AddDays(-7);
        await portal.ScheduleVisitAsync(c => c with { Date = weekAgo });
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
        Assert.NotEqual("0", dashboard);
        Assert.Equal(dashboard, VisitsInPeriod(await staff.GetPageAsync("/Baseline/Dashboard")));
    }
}
