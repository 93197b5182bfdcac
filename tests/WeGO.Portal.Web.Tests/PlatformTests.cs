using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
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

    /// <summary>The layout writes these addresses itself (decision 0059): each must be served, and the portal's own
    /// files must carry their content's hash, so a browser fetches a changed stylesheet or script at once.</summary>
    [Fact]
    public async Task The_layouts_stylesheets_and_scripts_are_served_and_the_portals_own_carry_their_version()
    {
        var client = PortalClient.For(portal);
        var page = await client.GetPageAsync("/Account/SignIn");
        var addresses = Regex
            .Matches(page, "<(?:link rel=\"stylesheet\" href|script src)=\"([^\"]+)\"")
            .Select(match => WebUtility.HtmlDecode(match.Groups[1].Value))
            .ToList();

        Assert.Equal(5, addresses.Count);
        foreach (var address in addresses)
        {
            using var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var path = address.Split('?')[0];
            if (path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal))
            {
                var content = await response.Content.ReadAsByteArrayAsync();
                Assert.Equal(path + "?v=" + WebEncoders.Base64UrlEncode(SHA256.HashData(content)), address);
            }
            else
            {
                Assert.Equal(path, address);
            }
        }
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
        await GetWithCorrelationAsync("/Privacy", "log-check-7");

        await RequestLogWithAsync("log-check-7");
    }

    [Fact]
    public async Task Health_probes_and_static_files_stay_out_of_the_request_log_at_the_default_level()
    {
        await GetWithCorrelationAsync("/health/live", "probe-check-1");
        await GetWithCorrelationAsync("/css/site.css", "file-check-1");
        await GetWithCorrelationAsync("/Privacy", "page-check-1");

        // Requests are logged in the order they end, so once the page is in the log the probe and the file would be.
        var log = await RequestLogWithAsync("page-check-1");

        Assert.DoesNotContain("probe-check-1", log, StringComparison.Ordinal);
        Assert.DoesNotContain("file-check-1", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/Visits", 200, 12.0, false, "Information")]
    [InlineData("POST", "/Membership/Join", 302, 40.0, false, "Information")]
    [InlineData("GET", "/Visits", 404, 3.0, false, "Information")]
    [InlineData("GET", "/Visits", 200, 501.0, false, "Warning")]
    [InlineData("GET", "/health/live", 200, 900.0, false, "Warning")]
    [InlineData("GET", "/Visits", 500, 12.0, false, "Error")]
    [InlineData("GET", "/Visits", 200, 12.0, true, "Error")]
    [InlineData("GET", "/health/live", 200, 1.0, false, "Verbose")]
    [InlineData("GET", "/health/ready", 503, 1.0, false, "Error")]
    public void A_request_logs_at_the_level_an_operator_needs(
        string method,
        string path,
        int status,
        double milliseconds,
        bool failed,
        string level
    )
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Response.StatusCode = status;
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, path));
        var exception = failed ? new InvalidOperationException("the page failed") : null;

        Assert.Equal(level, Logging.RequestLevel(http, milliseconds, exception, slow: 500).ToString());
    }

    [Theory]
    [InlineData(200, "Verbose")]
    [InlineData(304, "Verbose")]
    [InlineData(404, "Information")]
    public void A_static_file_logs_below_the_default_level_unless_it_is_missing(int status, string level)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/css/site.css";
        http.Response.StatusCode = status;

        Assert.Equal(level, Logging.RequestLevel(http, 2.0, exception: null, slow: 500).ToString());
    }

    private async Task GetWithCorrelationAsync(string path, string correlationId)
    {
        var client = PortalClient.For(portal);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Correlation-Id", correlationId);
        (await client.Http.SendAsync(request)).Dispose();
    }

    /// <summary>The JSON log files' text once a request with this correlation id is in them.</summary>
    private async Task<string> RequestLogWithAsync(string correlationId)
    {
        // Progress is the log growing; the wait fails if it stops growing before the event is there.
        var logs = Path.Combine(portal.DataDirectory, "logs");
        var text = "";
        await Patiently.UntilAsync(
            $"a request log event with the correlation id {correlationId} in the JSON log file (progress: its length)",
            () =>
                Directory.Exists(logs)
                    ? string.Concat(Directory.EnumerateFiles(logs, "portal-*.json").Select(f => LiveFile.Read(f)))
                    : "",
            all =>
            {
                text = all;
                return all.Contains($"\"CorrelationId\":\"{correlationId}\"", StringComparison.Ordinal)
                    && all.Contains("HTTP", StringComparison.Ordinal);
            },
            progress: all => all.Length
        );
        return text;
    }
}
