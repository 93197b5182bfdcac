using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Someone visiting the portal, anonymous or signed in with one role. Cookies are kept by hand rather than by
/// a cookie container, so one sign-in serves every request of a test class and a request that signs out or sets a
/// cookie changes nothing for the next one.</summary>
public sealed class Visitor
{
    public const string Password = "Security-Checks-2024";

    private readonly HttpClient http;
    private readonly string cookies;

    private Visitor(string name, HttpClient http, string cookies, string token)
    {
        Name = name;
        this.http = http;
        this.cookies = cookies;
        Token = token;
    }

    /// <summary>"Anonymous" or the role's name.</summary>
    public string Name { get; }

    /// <summary>An antiforgery request token valid for this visitor.</summary>
    public string Token { get; }

    public static Task<Visitor> AnonymousAsync(PortalFactory portal) => OpenAsync(portal, "Anonymous", null);

    /// <summary>A new staff account with <paramref name="role"/>, signed in.</summary>
    public static async Task<Visitor> SignedInAsync(PortalFactory portal, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@security.tests.wego";
        await portal.CreateStaffAsync(email, Password, role);
        return await OpenAsync(portal, role, email);
    }

    public static Task<Visitor> AdministratorAsync(PortalFactory portal) => SignedInAsync(portal, Roles.Administrator);

    public Task<HttpResponseMessage> GetAsync(string address) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, address));

    /// <summary>Posts form fields with this visitor's antiforgery token (or none, when <paramref name="withToken"/> is
    /// false).</summary>
    public Task<HttpResponseMessage> PostAsync(
        string address,
        IEnumerable<KeyValuePair<string, string>>? fields = null,
        bool withToken = true
    )
    {
        var form = (fields ?? []).ToList();
        if (withToken)
        {
            form.Add(new("__RequestVerificationToken", Token));
        }

        return SendAsync(
            new HttpRequestMessage(HttpMethod.Post, address) { Content = new FormUrlEncodedContent(form) }
        );
    }

    public async Task<string> GetPageAsync(string address)
    {
        using var response = await GetAsync(address);
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"GET {address} as {Name} answered {(int)response.StatusCode} {response.Headers.Location}"
        );
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Says whether the portal refused the request for who is asking: anonymous visitors are sent to sign in,
    /// signed-in ones are forbidden (403 or the access-denied page).</summary>
    public static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (
            response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString is { } location
            && (
                location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase)
                || location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)
            )
        );

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            if (cookies.Length > 0)
            {
                request.Headers.Add("Cookie", cookies);
            }

            return await http.SendAsync(request);
        }
    }

    private static async Task<Visitor> OpenAsync(PortalFactory portal, string name, string? email)
    {
        var http = portal.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }
        );
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);

        async Task<string> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            AddCookies(request, jar);
            using var response = await http.SendAsync(request);
            Keep(response, jar);
            return await response.Content.ReadAsStringAsync();
        }

        var signIn = await Get("/Account/SignIn");
        if (email is not null)
        {
            // An administrator's authenticator is set up before the password is typed, as its owner would have.
            var key = await portal.AuthenticatorKeyForSignInAsync(email);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
            {
                Content = new FormUrlEncodedContent([
                    new("Email", email),
                    new("Password", Password),
                    new("__RequestVerificationToken", PortalClient.AntiforgeryToken(signIn)!),
                ]),
            };
            AddCookies(request, jar);
            using var response = await http.SendAsync(request);
            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect,
                $"Sign-in as {email} answered {(int)response.StatusCode}"
            );
            Keep(response, jar);
            if (key is not null)
            {
                // The code page, answered with the code the authenticator app shows.
                var codePage = response.Headers.Location!.OriginalString;
                using var code = new HttpRequestMessage(HttpMethod.Post, codePage)
                {
                    Content = new FormUrlEncodedContent([
                        new("Code", PortalFactory.AuthenticatorCode(key)),
                        new("__RequestVerificationToken", PortalClient.AntiforgeryToken(await Get(codePage))!),
                    ]),
                };
                AddCookies(code, jar);
                using var signedIn = await http.SendAsync(code);
                Assert.True(
                    signedIn.StatusCode == HttpStatusCode.Redirect,
                    $"Two-factor sign-in as {email} answered {(int)signedIn.StatusCode}"
                );
                Keep(signedIn, jar);
            }
        }

        // The public membership form is open to everyone, so it has a token bound to this visitor.
        var token = PortalClient.AntiforgeryToken(await Get("/Membership/Join"))
            ?? throw new InvalidOperationException("No antiforgery token on the membership form");
        return new Visitor(name, http, string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")), token);
    }

    private static void AddCookies(HttpRequestMessage request, Dictionary<string, string> jar)
    {
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }
    }

    private static void Keep(HttpResponseMessage response, Dictionary<string, string> jar)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var cookie in setCookies)
            {
                var pair = cookie.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                jar[pair[..equals]] = pair[(equals + 1)..];
            }
        }
    }
}
