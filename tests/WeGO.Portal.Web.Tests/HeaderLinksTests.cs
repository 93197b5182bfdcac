using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The header's links, whose addresses the router generates once and the portal then keeps
/// (<see cref="HeaderLinks"/>): each leads to its page, for a visitor and for an administrator, whichever page was
/// drawn first, and an address keeps the path base the portal is served under.</summary>
public sealed partial class HeaderLinksTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public HeaderLinksTests(PortalFactory portal) => this.portal = portal.Start();

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
        var links = portal.Services.GetRequiredService<HeaderLinks>();
        var under = new DefaultHttpContext { Request = { PathBase = "/portal" } };
        var root = new DefaultHttpContext();

        Assert.Equal("/portal/Visits", links.To(under, "/Visits/Index"));
        Assert.Equal("/Visits", links.To(root, "/Visits/Index"));
        Assert.Equal("/portal/Visits", links.To(under, "/Visits/Index"));
        Assert.Throws<InvalidOperationException>(() => links.To(root, "/No/Such/Page"));
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
