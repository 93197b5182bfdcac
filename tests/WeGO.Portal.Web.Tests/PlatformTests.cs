using System.Net;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

public sealed class PlatformTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public PlatformTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_sign_in(string path)
    {
        using var response = await PortalClient.For(portal).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/SignIn")]
    [InlineData("/health/ready")]
    [InlineData("/no/such/page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await PortalClient.For(portal).GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_for_the_policy_to_block()
    {
        var home = await PortalClient.For(portal).GetPageAsync("/Account/SignIn");

        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", home);
        Assert.DoesNotMatch("\\son[a-z]+=\"", home);
    }

    [Fact]
    public async Task Unknown_address_gets_the_friendly_not_found_page_with_a_reference()
    {
        using var response = await PortalClient.For(portal).GetAsync("/no/such/page");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", page, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("X-Correlation-Id").Single(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_correlation_id_is_kept_and_a_malformed_one_replaced()
    {
        var client = PortalClient.For(portal);
        using var kept = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        kept.Headers.Add("X-Correlation-Id", "support-ticket-42");
        using var replaced = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        replaced.Headers.Add("X-Correlation-Id", "<script>");

        using var keptResponse = await client.Http.SendAsync(kept);
        using var replacedResponse = await client.Http.SendAsync(replaced);

        Assert.Equal("support-ticket-42", keptResponse.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", replacedResponse.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Requests_are_logged_with_their_correlation_id_to_the_rolling_file()
    {
        var client = PortalClient.For(portal);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "log-check-7");
        (await client.Http.SendAsync(request)).Dispose();

        // Progress is the log growing; the wait fails if it stops growing before the event is there.
        var logs = Path.Combine(portal.DataDirectory, "logs");
        await Patiently.UntilAsync(
            "a request log event with the correlation id in the JSON log file (progress: the log's length)",
            () =>
                Directory.Exists(logs)
                    ? Directory.EnumerateFiles(logs, "portal-*.json").Select(ReadShared).ToList()
                    : [],
            files => files.Any(text => text.Contains("\"CorrelationId\":\"log-check-7\"", StringComparison.Ordinal)),
            progress: files => files.Sum(text => text.Length)
        );
    }

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
