using System.Net;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Every address the portal answered before its features took one name each still works: it answers a
/// permanent redirect to the new one, keeping the rest of the path and the query.</summary>
public sealed class OldAddressesTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public OldAddressesTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    [Theory]
    [InlineData("/join", "/Membership/Join")]
    [InlineData("/join?visit=7", "/Membership/Join?visit=7")]
    [InlineData("/join/sent", "/Membership/Sent")]
    [InlineData(
        "/join/sent/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/Membership/Sent/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    )]
    [InlineData(
        "/inquiry/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/Membership/Status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    )]
    [InlineData("/Inquiries", "/Membership/Inquiries")]
    [InlineData("/Inquiries/Details/12", "/Membership/Inquiries/Details/12")]
    [InlineData("/Inquiries/Index?handler=Csv&stage=New", "/Membership/Inquiries/Index?handler=Csv&stage=New")]
    [InlineData("/Admin/Users", "/Staff")]
    [InlineData("/Admin/Users/Sessions/4b7c", "/Staff/Sessions/4b7c")]
    [InlineData("/join/%0D%0ASet-Cookie:%20x=1", "/Membership/Join/%0D%0ASet-Cookie%3A%20x%3D1")]
    public async Task An_old_address_answers_301_with_the_new_one(string old, string moved)
    {
        using var response = await PortalClient.For(portal).GetAsync(old);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(moved, response.Headers.Location!.OriginalString);
        Assert.False(
            response.Headers.Contains("Set-Cookie")
                && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("x=", StringComparison.Ordinal))
        );
    }

    [Fact]
    public async Task A_form_posted_to_an_old_address_is_sent_on_with_its_method()
    {
        using var response = await PortalClient
            .For(portal)
            .PostFormAsync("/Membership/Join", JoinPageTests.Seremban(), action: "/join");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/Membership/Join", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_status_link_from_an_email_sent_before_the_move_still_shows_the_inquiry()
    {
        var client = PortalClient.For(portal);
        using var posted = await client.PostFormAsync("/Membership/Join", JoinPageTests.Seremban());
        var token = posted.Headers.Location!.OriginalString.Split('/').Last();

        using var old = await client.GetAsync($"/inquiry/{token}");
        var page = await client.GetPageAsync(old.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Contains("Seremban City Council", page, StringComparison.Ordinal);
    }
}
