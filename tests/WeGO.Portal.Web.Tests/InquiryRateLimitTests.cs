using System.Net;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

public sealed class InquiryRateLimitTests : IDisposable
{
    // A host per test: the limiter's window and its limit of 2 are this host's own, counted from the first post.
    private readonly PortalFactory portal = new();

    public InquiryRateLimitTests()
    {
        portal.Settings["Portal:Inquiries:RateLimit:PermitLimit"] = "2";
        portal.Settings["Portal:Inquiries:RateLimit:WindowSeconds"] = "600";
        portal.Start();
    }

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_post_after_the_limit_gets_429_with_a_friendly_localized_page_and_stores_nothing()
    {
        var client = PortalClient.For(portal, "es");
        for (var i = 1; i <= 2; i++)
        {
            using var accepted = await client.PostFormAsync(
                "/Membership/Join",
                [
                    .. JoinPageTests.Seremban().Where(f => f.Key != "Input.Email"),
                    new("Input.Email", $"official{i}@mbs.gov.my"),
                ]
            );
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var refused = await client.PostFormAsync(
            "/Membership/Join",
            [.. JoinPageTests.Seremban().Where(f => f.Key != "Input.Email"), new("Input.Email", "official3@mbs.gov.my")]
        );
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(
            "Se han recibido demasiados envíos desde su red. Vuelva a intentarlo dentro de 10 minutos.",
            page,
            StringComparison.Ordinal
        );
        Assert.Equal(2, await portal.WithDbAsync(db => db.MembershipInquiries.CountAsync()));
        Assert.Equal(4, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(
            0,
            await portal.WithDbAsync(db => db.MembershipInquiries.CountAsync(i => i.Email == "official3@mbs.gov.my"))
        );

        // Reading the form, the status pages and everything else stays open.
        Assert.Contains("Únase a WeGO", await client.GetPageAsync("/Membership/Join"), StringComparison.Ordinal);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Visit_requests_and_inquiries_share_one_limit_and_a_refused_request_stores_nothing()
    {
        var client = PortalClient.For(portal);
        using var inquiry = await client.PostFormAsync("/Membership/Join", JoinPageTests.Seremban());
        using var request = await client.PostFormAsync("/VisitRequests/Ask", VisitRequestPageTests.Seremban());
        Assert.Equal(HttpStatusCode.Redirect, inquiry.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);

        using var refused = await client.PostFormAsync("/VisitRequests/Ask", VisitRequestPageTests.Seremban());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(1, await portal.WithDbAsync(db => db.VisitRequests.CountAsync()));
        Assert.Equal(4, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Contains(
            "Request a visit to WeGO",
            await client.GetPageAsync("/VisitRequests/Ask"),
            StringComparison.Ordinal
        );
    }
}
