using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace WeGO.Portal.Testing;

/// <summary>A real OpenID Connect provider for the single sign-on tests: OpenIddict's server in its own host on a free
/// loopback port, authorization code with PKCE, one client (<see cref="ClientId"/>). Its sign-in page asks only for an
/// address and vouches for it, with a "role" claim the portal must ignore. <see cref="Mode"/> makes it hand out a
/// tampered or an expired id token instead of an honest one.</summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "wego-portal";
    public const string ClientSecret = "test-client-secret";
    public const string DisplayName = "Test Identity";

    private readonly WebApplication host;
    private readonly HashSet<string> redirectUris;

    private TestOidcProvider(WebApplication host, Uri authority, HashSet<string> redirectUris)
    {
        this.host = host;
        Authority = authority;
        this.redirectUris = redirectUris;
    }

    public Uri Authority { get; }

    public TestOidcMode Mode { get; set; } = TestOidcMode.Honest;

    /// <summary>The address a tampered token claims instead of the one typed in (the administrator's, as an attacker
    /// would choose).</summary>
    public string TamperedEmail { get; set; } = PortalFactory.AdminEmail;

    /// <summary>Lets the portal at <paramref name="portalRoot"/> come back to its callback.</summary>
    public void AllowPortal(Uri portalRoot) => redirectUris.Add(new Uri(portalRoot, "/signin-oidc").ToString());

    /// <summary>The portal's settings that point it at this provider (with local passwords as given).</summary>
    public void Configure(PortalFactory portal, bool localPasswords = true)
    {
        portal.Settings["Portal:SignIn:LocalPasswords"] = localPasswords ? "true" : "false";
        portal.Settings["Portal:SignIn:Oidc:Authority"] = Authority.ToString();
        portal.Settings["Portal:SignIn:Oidc:ClientId"] = ClientId;
        portal.Settings["Portal:SignIn:Oidc:ClientSecret"] = ClientSecret;
        portal.Settings["Portal:SignIn:Oidc:DisplayName"] = DisplayName;
        portal.Settings["Portal:SignIn:Oidc:RequireHttpsMetadata"] = "false";
    }

    public static async Task<TestOidcProvider> StartAsync()
    {
        var port = FreePort();
        var authority = new Uri($"http://127.0.0.1:{port}/");
        var redirectUris = new HashSet<string>(StringComparer.Ordinal) { "http://localhost/signin-oidc" };
        TestOidcProvider? provider = null;
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory }
        );
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder
            .Services.AddOpenIddict()
            .AddServer(options =>
            {
                options.SetIssuer(authority);
                options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                options.AddEphemeralSigningKey().AddEphemeralEncryptionKey().DisableAccessTokenEncryption();
                // No database: the one client is checked by the two handlers below.
                options.EnableDegradedMode();
                options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
                options.AddEventHandler<ValidateAuthorizationRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        if (context.ClientId != ClientId)
                        {
                            context.Reject(Errors.InvalidClient, "Unknown client.");
                        }
                        else if (context.RedirectUri is null || !redirectUris.Contains(context.RedirectUri))
                        {
                            context.Reject(Errors.InvalidRequest, "Unknown redirect_uri.");
                        }

                        return default;
                    })
                );
                options.AddEventHandler<ValidateTokenRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                        {
                            context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                        }

                        return default;
                    })
                );
                options.AddEventHandler<ApplyTokenResponseContext>(handler =>
                    handler
                        .UseInlineHandler(context =>
                        {
                            if (context.Response.IdToken is { } idToken && provider is not null)
                            {
                                context.Response.IdToken = provider.Mode switch
                                {
                                    TestOidcMode.TamperIdToken => Tampered(idToken, provider.TamperedEmail),
                                    TestOidcMode.ExpiredIdToken => Expired(idToken, context.Options),
                                    _ => idToken,
                                };
                            }

                            return default;
                        })
                        .SetOrder(int.MinValue + 100_000)
                );
            });

        var app = builder.Build();
        app.MapGet("/connect/authorize", (HttpContext http) =>
            Results.Content(AddressForm(http.Request.Query), "text/html")
        );
        app.MapPost("/connect/authorize", (Delegate)SignInAsync);
        provider = new TestOidcProvider(app, authority, redirectUris);
        await app.StartAsync();
        return provider;
    }

    /// <summary>Vouches for the address typed in: sub from the address, email, email_verified, name, and a role claim
    /// claiming to make them an administrator.</summary>
    private static async Task<IResult> SignInAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var form = await http.Request.ReadFormAsync();
        var email = form["email"].ToString().Trim();
        var identity = new ClaimsIdentity(
            TokenValidationParameters.DefaultAuthenticationType,
            Claims.Name,
            Claims.Role
        );
        identity.AddClaim(new Claim(Claims.Subject, "sub-" + Convert.ToHexString(Encoding.UTF8.GetBytes(email))));
        identity.AddClaim(new Claim(Claims.Email, email));
        identity.AddClaim(new Claim(Claims.EmailVerified, "true", ClaimValueTypes.Boolean));
        identity.AddClaim(new Claim(Claims.Name, email.Split('@')[0]));
        identity.AddClaim(new Claim(Claims.Role, "Administrator"));
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string AddressForm(IQueryCollection query)
    {
        var hidden = new StringBuilder();
        foreach (var (name, values) in query)
        {
            hidden.Append(
                System.Globalization.CultureInfo.InvariantCulture,
                $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" "
                    + $"value=\"{WebUtility.HtmlEncode(values.ToString())}\">"
            );
        }

        return $"""
            <!doctype html><html lang="en"><head><title>{DisplayName}</title></head><body><main>
            <h1>{DisplayName}</h1>
            <form method="post" action="/connect/authorize">{hidden}
            <label for="email">Email</label> <input id="email" name="email" type="email">
            <button type="submit">Continue</button></form></main></body></html>
            """;
    }

    /// <summary>The same header and signature over a payload that now names <paramref name="email"/>.</summary>
    private static string Tampered(string idToken, string email)
    {
        var parts = idToken.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["email"] = email;
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }

    /// <summary>The same claims (issuer, audience, nonce), properly signed with the provider's key, but issued two
    /// hours ago and expired one hour ago.</summary>
    private static string Expired(string idToken, OpenIddictServerOptions options)
    {
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(idToken.Split('.')[1]))!.AsObject();
        var now = DateTimeOffset.UtcNow;
        payload["iat"] = now.AddHours(-2).ToUnixTimeSeconds();
        payload["nbf"] = now.AddHours(-2).ToUnixTimeSeconds();
        payload["exp"] = now.AddHours(-1).ToUnixTimeSeconds();
        var signing = options.SigningCredentials.First(c => c.Key is AsymmetricSecurityKey);
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), signing);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }
}

public enum TestOidcMode
{
    Honest,

    /// <summary>The id token's payload is changed after signing: its signature no longer matches.</summary>
    TamperIdToken,

    /// <summary>A properly signed id token whose lifetime ended an hour ago.</summary>
    ExpiredIdToken,
}
