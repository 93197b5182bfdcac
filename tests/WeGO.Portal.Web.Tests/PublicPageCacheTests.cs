using System.Net;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Public pages served whole from the output cache (decision 0030): per language, never to or from a
/// signed-in user, never with a cookie or a token, and fresh on the very next request after a committed change. An
/// answer served from the cache carries an <c>Age</c> header; one rendered for the request does not.</summary>
public sealed class PublicPageCacheTests : IClassFixture<PortalFactory>
{
    private static readonly string[] Languages = ["en", "es", "ko"];

    private readonly PortalFactory portal;

    public PublicPageCacheTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    [Fact]
    public async Task A_publish_shows_on_the_news_list_at_the_very_next_request_in_every_language()
    {
        var city = TestData.Unique("Cached News City");
        var release = await DraftAsync(city, "en");
        foreach (var language in Languages)
        {
            var before = await CachedPageAsync(language, "/news");
            Assert.DoesNotContain(release.Headline, before, StringComparison.Ordinal);
        }

        await portal.SendAsync(new PublishNewsRelease.Command(release.Id, release.Version));

        foreach (var language in Languages)
        {
            var after = await PortalClient.For(portal, language).GetPageAsync("/news");
            Assert.Contains(release.Headline, after, StringComparison.Ordinal);
            Assert.Contains($"<html lang=\"{language}\">", after, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_new_language_of_a_release_shows_on_its_page_at_the_very_next_request_in_every_language()
    {
        var city = TestData.Unique("Cached Release City");
        var english = await DraftAsync(city, "en");
        await portal.SendAsync(new PublishNewsRelease.Command(english.Id, english.Version));
        var address = $"/news/{english.Slug}";
        foreach (var language in Languages)
        {
            Assert.DoesNotContain(
                "hreflang=\"es\"",
                await CachedPageAsync(language, address),
                StringComparison.Ordinal
            );
        }

        var spanish = (
            await portal.SendAsync(
                new GetNewsRelease.Query(await portal.NewsReleaseAsync(english.ReportId, "es", publish: true))
            )
        )!;

        Assert.Equal(english.Slug, spanish.Slug);
        foreach (var language in Languages)
        {
            var after = await PortalClient.For(portal, language).GetPageAsync(address);
            Assert.Contains("id=\"other-languages\"", after, StringComparison.Ordinal);
            Assert.Contains(language == "es" ? "hreflang=\"en\"" : "hreflang=\"es\"", after, StringComparison.Ordinal);
        }

        Assert.Contains(
            "class=\"news-release\" lang=\"es\"",
            await PortalClient.For(portal, "es").GetPageAsync(address),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_signed_in_page_is_never_served_from_the_public_cache_nor_stored_in_it()
    {
        await CachedPageAsync("en", "/");
        await CachedPageAsync("en", "/news");
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");

        using (var home = await staff.GetAsync("/"))
        {
            Assert.False(home.Headers.Age.HasValue);
            Assert.Contains("id=\"nav-dashboard\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var news = await staff.GetAsync("/news"))
        {
            Assert.False(news.Headers.Age.HasValue);
            Assert.Contains("id=\"manage-releases\"", await news.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Staff first at an address nobody asked for yet: what they were shown is not kept for the next visitor.
        var fresh = $"/news?page=1&staff-first={Guid.NewGuid():N}";
        Assert.Contains("id=\"manage-releases\"", await staff.GetPageAsync(fresh), StringComparison.Ordinal);
        foreach (var address in new[] { "/", "/news", fresh })
        {
            using var anonymous = await PortalClient.For(portal, "en").GetAsync(address);
            var page = await anonymous.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
            Assert.Equal(address != fresh, anonymous.Headers.Age.HasValue);
            Assert.DoesNotContain("id=\"nav-dashboard\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"manage-releases\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"signed-in-as\"", page, StringComparison.Ordinal);
            Assert.Null(PortalClient.AntiforgeryToken(page));
        }
    }

    [Fact]
    public async Task A_second_visitor_gets_the_first_ones_page_from_the_cache_without_a_cookie_or_a_token()
    {
        using var first = await PortalClient.For(portal, "en").GetAsync("/Privacy");
        using var second = await PortalClient.For(portal, "en").GetAsync("/Privacy");
        var page = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age.HasValue, "The second visitor's privacy page was rendered again");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Null(PortalClient.AntiforgeryToken(page));
        Assert.Equal(await first.Content.ReadAsStringAsync(), page);
        // Every answer carries the security headers, and its own correlation id rather than the first visitor's.
        foreach (var header in new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options" })
        {
            Assert.Equal(Header(first, header), Header(second, header));
            Assert.NotNull(Header(second, header));
        }

        Assert.NotEqual(Header(first, "X-Correlation-Id"), Header(second, "X-Correlation-Id"));
    }

    [Fact]
    public async Task In_production_a_cached_answer_carries_hsts_as_the_fresh_one_did()
    {
        using var production = new PortalFactory { Environment = "Production" };
        production.Settings["https_port"] = "443";
        production.Start();

        using var first = await PortalClient.For(production, "en", https: true).GetAsync("/news");
        using var second = await PortalClient.For(production, "en", https: true).GetAsync("/news");

        Assert.True(second.Headers.Age.HasValue, "The second visitor's news page was rendered again");
        Assert.StartsWith("max-age=", Header(first, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal(Header(first, "Strict-Transport-Security"), Header(second, "Strict-Transport-Security"));
        Assert.Equal(Header(first, "Content-Security-Policy"), Header(second, "Content-Security-Policy"));
    }

    [Fact]
    public async Task The_public_forms_are_rendered_for_each_visitor_with_a_token_of_their_own()
    {
        foreach (var form in new[] { "/Membership/Join", "/VisitRequests/Ask" })
        {
            using var first = await PortalClient.For(portal, "en").GetAsync(form);
            using var second = await PortalClient.For(portal, "en").GetAsync(form);

            Assert.False(second.Headers.Age.HasValue);
            Assert.True(second.Headers.Contains("Set-Cookie"));
            Assert.NotEqual(
                PortalClient.AntiforgeryToken(await first.Content.ReadAsStringAsync()),
                PortalClient.AntiforgeryToken(await second.Content.ReadAsStringAsync())
            );
        }
    }

    [Fact]
    public async Task The_membership_forms_list_of_visits_shows_a_visit_that_took_place_at_the_very_next_request()
    {
        var city = TestData.Unique("Cached Choice City");
        var visitor = PortalClient.For(portal, "en");
        Assert.DoesNotContain(city, await visitor.GetPageAsync("/Membership/Join"), StringComparison.Ordinal);

        await portal.SerembanVisitToReportAsync(c => c with { OrganizationName = city });

        Assert.Contains(city, await visitor.GetPageAsync("/Membership/Join"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_member_directory_shows_a_new_member_at_the_very_next_request_in_every_language()
    {
        foreach (var language in Languages)
        {
            await CachedPageAsync(language, "/members");
        }

        var applicationId = await portal.AcceptedApplicationAsync("en");
        var name = await portal.WithDbAsync(db =>
            db.MembershipApplications.Where(a => a.Id == applicationId)
                .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => o.Name)
                .SingleAsync()
        );

        foreach (var language in Languages)
        {
            Assert.Contains(
                $"<td>{name}",
                await PortalClient.For(portal, language).GetPageAsync("/members"),
                StringComparison.Ordinal
            );
        }
    }

    /// <summary>A release of <paramref name="city"/>'s approved report, drafted in <paramref name="language"/>, not
    /// published.</summary>
    private async Task<GetNewsRelease.Details> DraftAsync(string city, string language)
    {
        var reportId = await portal.VisitReportAsync(
            await portal.SerembanVisitToReportAsync(c => c with { OrganizationName = city })
        );
        return (await portal.SendAsync(new GetNewsRelease.Query(await portal.NewsReleaseAsync(reportId, language))))!;
    }

    /// <summary>The page as an anonymous visitor reading <paramref name="language"/> sees it, once it is in the cache:
    /// asked twice, the second answer must come from the cache.</summary>
    private async Task<string> CachedPageAsync(string language, string address)
    {
        (await PortalClient.For(portal, language).GetAsync(address)).Dispose();
        using var cached = await PortalClient.For(portal, language).GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.True(cached.Headers.Age.HasValue, $"{address} in {language} was not served from the cache");
        return await cached.Content.ReadAsStringAsync();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
