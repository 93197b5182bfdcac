using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>The security headers are on every response: every page and handler, the sign-in redirects, and the
/// error pages (400, 404, 405, 500).</summary>
public sealed class ResponseHeaderTests(SecurityPortal fixture) : IClassFixture<SecurityPortal>
{
    public static TheoryData<string> Gets() => PortalEndpoints.Keys(e => e.IsGet);

    [Theory]
    [MemberData(nameof(Gets))]
    public async Task Every_page_carries_the_security_headers_signed_in_and_anonymous(string endpoint)
    {
        var address = fixture.Address(PortalEndpoints.Find(endpoint));

        using var signedIn = await fixture.Administrator.GetAsync(address);
        using var anonymous = await fixture[AccessPolicy.Anonymous].GetAsync(address);

        AssertSecurityHeaders(signedIn, $"GET {address} signed in");
        AssertSecurityHeaders(anonymous, $"GET {address} anonymous");
    }

    [Fact]
    public async Task Error_pages_carry_the_security_headers()
    {
        using var notFound = await fixture.Administrator.GetAsync("/no/such/page");
        using var noToken = await fixture.Administrator.PostAsync(
            $"/Visits/Topics/{fixture.VisitId}",
            withToken: false
        );
        using var noHandler = await fixture.Administrator.PostAsync($"/Visits/Details/{fixture.VisitId}");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, noHandler.StatusCode);
        AssertSecurityHeaders(notFound, "404");
        AssertSecurityHeaders(noToken, "400");
        AssertSecurityHeaders(noHandler, "405");
    }

    [Fact]
    public async Task A_server_fault_shows_the_error_page_with_the_security_headers()
    {
        using var portal = new FaultingPortal().Start();

        using var response = await PortalClient.For(portal).GetAsync(FaultingPortal.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("correlation-id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSecurityHeaders(response, "500");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values)
                ? string.Join(",", values)
                : throw new Xunit.Sdk.XunitException($"{what}: no {name} header");

        var policy = Header("Content-Security-Policy")
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);
        Assert.True(
            policy.TryGetValue("script-src", out var scripts) || policy.TryGetValue("default-src", out scripts),
            $"{what}: no script-src"
        );
        Assert.True(scripts == "'self'", $"{what}: scripts may come from {scripts}");
        Assert.DoesNotContain("unsafe-inline", policy.GetValueOrDefault("style-src", ""), StringComparison.Ordinal);
        Assert.Equal("'none'", policy.GetValueOrDefault("frame-ancestors"));
        Assert.Equal("'none'", policy.GetValueOrDefault("object-src"));
        Assert.Equal("'self'", policy.GetValueOrDefault("base-uri"));
        Assert.Equal("'self'", policy.GetValueOrDefault("form-action"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        // Pages whose address is a secret (the inquiry status link) send no referrer at all.
        Assert.True(
            Header("Referrer-Policy") is "same-origin" or "no-referrer",
            $"{what}: Referrer-Policy {Header("Referrer-Policy")}"
        );
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
    }

    /// <summary>The portal with one address that throws, as a bug would, behind all of the portal's own
    /// middleware.</summary>
    private sealed class FaultingPortal : PortalFactory
    {
        public const string Path = "/test/fault";

        public FaultingPortal() => SeedDemo = false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, Fault>());
        }

        private sealed class Fault : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
                app =>
                {
                    next(app);
                    app.Use(
                        (HttpContext context, RequestDelegate _) =>
                            context.Request.Path == Path
                                ? throw new InvalidOperationException("A fault for the error-page test.")
                                : Task.CompletedTask
                    );
                };
        }
    }
}
