using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Addresses the router generates once and the portal then keeps (<see cref="KeptLinks"/>): each header link
/// leads to its page, for a visitor and for an administrator, whichever page was drawn first; an address keeps the
/// path base the portal is served under; a record's address (a list's row link, a row's button) is the router's own
/// for that id, and an address with a query the router's own for those values.</summary>
public sealed partial class KeptLinksTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public KeptLinksTests(PortalFactory portal) => this.portal = portal.Start();

    [Fact]
    public async Task Every_header_link_of_an_administrator_opens_its_page_whichever_page_was_drawn_first()
    {
        var admin = PortalClient.For(portal, "en");
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        // A page with route values of its own is drawn first: its values must not reach the addresses kept.
        var visit = await portal.ScheduleHeldVisitForPagesAsync(c => c);
        var links = HeaderLinksOn(await admin.GetPageAsync($"/Visits/Details/{visit}"));

        Assert.Contains("/Visits", links);
        Assert.Contains("/Membership/Inquiries", links);
        Assert.Contains("/Staff", links);
        Assert.Contains("/Account/Sessions", links);
        Assert.DoesNotContain(links, link =>
            link.Contains(visit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        );
        foreach (var link in links)
        {
            using var page = await admin.GetAsync(link);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)page.StatusCode}");
        }

        Assert.Equal(links, HeaderLinksOn(await admin.GetPageAsync("/Visits")));
    }

    [Fact]
    public async Task A_visitors_header_links_open_their_pages()
    {
        var links = HeaderLinksOn(await PortalClient.For(portal, "es").GetPageAsync("/news"));

        Assert.Contains("/Account/SignIn", links);
        Assert.Contains("/VisitRequests/Ask", links);
        Assert.DoesNotContain("/Visits", links);
        foreach (var link in links)
        {
            using var page = await PortalClient.For(portal, "es").GetAsync(link);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)page.StatusCode}");
        }
    }

    [Fact]
    public void An_address_keeps_the_path_base_it_was_asked_for()
    {
        var links = portal.Services.GetRequiredService<KeptLinks>();
        var under = new DefaultHttpContext { Request = { PathBase = "/portal" } };
        var root = new DefaultHttpContext();

        Assert.Equal("/portal/Visits", links.To(under, "/Visits/Index"));
        Assert.Equal("/Visits", links.To(root, "/Visits/Index"));
        Assert.Equal("/portal/Visits", links.To(under, "/Visits/Index"));
        Assert.Throws<InvalidOperationException>(() => links.To(root, "/No/Such/Page"));
    }

    [Theory]
    [InlineData("/Visits/Details", null)]
    [InlineData("/Membership/Inquiries/Details", null)]
    [InlineData("/FollowUps/Status", "Done")]
    [InlineData("/FollowUps/Status", "Reopen")]
    [InlineData("/Visits/Details", "Ics")]
    [InlineData("/Organizations/Names", null)]
    [InlineData("/Reports/Details", null)]
    public void A_records_address_is_the_one_the_router_writes_for_its_id(string page, string? handler)
    {
        var links = portal.Services.GetRequiredService<KeptLinks>();
        var router = portal.Services.GetRequiredService<LinkGenerator>();
        foreach (var pathBase in new[] { "", "/portal" })
        {
            var context = new DefaultHttpContext { Request = { PathBase = pathBase } };
            // Ids with the marker's digits inside them, and ids of every length, land where the router puts them.
            foreach (var id in new[] { 1, 7, 42, 2147, 214748364, 1_000_000 })
            {
                var expected = router.GetPathByPage(page, handler, new { id }, pathBase);
                Assert.Equal(expected, links.To(context, page, id, handler));
            }
        }
    }

    [Theory]
    [InlineData("/Membership/Members/Index", "Filter.Status", "Active", "Filter.Region", "CentralAsia")]
    [InlineData("/Dashboard/Index", "Preset", "LastYear", null, null)]
    [InlineData("/Visits/Index", "Filter.Text", "Seremban & Negeri Sembilan", "Filter.From", "2024-10-07")]
    [InlineData("/Visits/Index", "Filter.Text", "세렘반 시의회 + 50%/?#", "Filter.Sort", "")]
    public void An_address_with_a_query_is_the_one_the_router_writes_for_those_values(
        string page,
        string name,
        string value,
        string? secondName,
        string? secondValue
    )
    {
        var links = portal.Services.GetRequiredService<KeptLinks>();
        var router = portal.Services.GetRequiredService<LinkGenerator>();
        foreach (var pathBase in new[] { "", "/portal" })
        {
            var context = new DefaultHttpContext { Request = { PathBase = pathBase } };
            var query = new Dictionary<string, string> { [name] = value };
            if (secondName is not null)
            {
                query[secondName] = secondValue ?? "";
            }

            var expected = router.GetPathByPage(page, handler: null, new RouteValueDictionary(query!), pathBase);
            Assert.Equal(expected, links.To(context, page, query));
        }
    }

    [Fact]
    public void A_handlers_address_with_a_query_is_the_one_the_router_writes()
    {
        var links = portal.Services.GetRequiredService<KeptLinks>();
        var router = portal.Services.GetRequiredService<LinkGenerator>();
        var context = new DefaultHttpContext();
        var query = new Dictionary<string, string> { ["Filter.Stage"] = "New", ["Filter.Text"] = "Seremban" };

        Assert.Equal(
            router.GetPathByPage("/Membership/Inquiries/Index", "Csv", new RouteValueDictionary(query!)),
            links.To(context, "/Membership/Inquiries/Index", query, "Csv")
        );
    }

    [Fact]
    public void A_record_address_under_a_path_base_holding_the_marker_is_generated_in_full()
    {
        var links = portal.Services.GetRequiredService<KeptLinks>();
        var context = new DefaultHttpContext { Request = { PathBase = "/2147483647" } };

        Assert.Equal("/2147483647/Visits/Details/5", links.To(context, "/Visits/Details", 5));
        Assert.Equal("/2147483647/Visits/Details/6", links.To(context, "/Visits/Details", 6));
        Assert.Throws<InvalidOperationException>(() => links.To(context, "/No/Such/Page", 5));
    }

    /// <summary>The addresses the header links to, in order (the page's own links and the forms' actions left out).
    /// </summary>
    private static List<string> HeaderLinksOn(string page)
    {
        var header = Header().Match(page);
        Assert.True(header.Success, "No header on the page.");
        return
        [
            .. Link()
                .Matches(header.Value)
                .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                .Where(l => l.StartsWith('/')),
        ];
    }

    [GeneratedRegex("<header>.*?</header>", RegexOptions.Singleline)]
    private static partial Regex Header();

    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex Link();
}
