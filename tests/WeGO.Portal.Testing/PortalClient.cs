using System.Net;
using System.Text.RegularExpressions;

namespace WeGO.Portal.Testing;

/// <summary>Talks to the portal as a browser would: cookies, antiforgery tokens taken from the form it posts
/// back.</summary>
public sealed partial class PortalClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <param name="https">Talk over https to a non-local host name, as production behind TLS does (secure cookies and
    /// HSTS need it).</param>
    public static PortalClient For(PortalFactory factory, string? language = null, bool https = false)
    {
        var http = factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                HandleCookies = true,
                BaseAddress = new Uri(https ? "https://portal.test" : "http://localhost"),
            }
        );
        if (language is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return new PortalClient(http) { Portal = factory };
    }

    /// <summary>The portal this client talks to, which knows the authenticator keys of accounts that sign in with two
    /// factors (null for a client made from a bare HttpClient).</summary>
    public PortalFactory? Portal { get; init; }

    public const string NewStaffPassword = "Staff-Pages-2024";

    /// <summary>A new staff account made for one test (a unique email; no role when <paramref name="role"/> is null),
    /// signed in.</summary>
    public static async Task<PortalClient> NewStaffSignedInAsync(
        PortalFactory factory,
        string? role,
        string? language = null
    )
    {
        var email = $"{role?.ToLowerInvariant() ?? "norole"}-{Guid.NewGuid():N}@tests.wego";
        await factory.CreateStaffAsync(email, NewStaffPassword, role is null ? [] : [role]);
        var client = For(factory, language);
        await client.SignInAsync(email, NewStaffPassword);
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}"
            );
        }

        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="formPage"/>, takes its antiforgery token, and posts the fields to <paramref
    /// name="action"/> (the same page when not given).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string formPage,
        IEnumerable<KeyValuePair<string, string>> fields,
        string? action = null
    )
    {
        var page = await GetPageAsync(formPage);
        var token = AntiforgeryToken(page)
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage}");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Http.PostAsync(new Uri(action ?? formPage, UriKind.Relative), content);
    }

    /// <summary>Posts the layout's language switch as a browser does from a page of the portal: no antiforgery token
    /// (the form is the same for every visitor), and the browser's word that the post comes from this site (or
    /// <paramref name="from"/>, another site's).</summary>
    public async Task<HttpResponseMessage> SwitchLanguageAsync(
        string culture,
        string returnUrl,
        (string Header, string Value)? from = null
    )
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri("/Culture?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative)
        )
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("culture", culture)]),
        };
        var (header, value) = from ?? ("Sec-Fetch-Site", "same-origin");
        request.Headers.Add(header, value);
        return await Http.SendAsync(request);
    }

    /// <summary>Signs in through the form, and through the code page when the account has two factors (an
    /// administrator's are set up on first use: <see cref="PortalFactory.AuthenticatorKeyForSignInAsync"/>); answers
    /// the sign-in cookie ("wego.auth=..."), which a test can copy to another client (<see cref="WithCookie"/>).
    /// </summary>
    public async Task<string> SignInAsync(string email, string password)
    {
        var key = Portal is null ? null : await Portal.AuthenticatorKeyForSignInAsync(email);
        using var response = await PostFormAsync("/Account/SignIn", [new("Email", email), new("Password", password)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        if (response.Headers.Location?.OriginalString.Contains(TwoFactorPage, StringComparison.Ordinal) != true)
        {
            return AuthCookieOf(response);
        }

        if (key is null)
        {
            throw new InvalidOperationException($"Sign-in as {email} asks for a code, and no key is known.");
        }

        using var second = await AnswerCodePageAsync(response.Headers.Location.OriginalString, key);
        if (second.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Two-factor sign-in as {email} failed: {(int)second.StatusCode}");
        }

        return AuthCookieOf(second);
    }

    /// <summary>Types the code the authenticator app shows for <paramref name="key"/> into the code page.</summary>
    public Task<HttpResponseMessage> AnswerCodePageAsync(string codePage, string key) =>
        PostFormAsync(codePage, [new("Code", PortalFactory.AuthenticatorCode(key))]);

    public const string TwoFactorPage = "/Account/SignInTwoFactor";

    private static string AuthCookieOf(HttpResponseMessage response) =>
        response
            .Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));

    public const string AuthCookie = "wego.auth";

    /// <summary>A client that sends <paramref name="cookie"/> with every request and keeps no cookie it is given: a
    /// copy of someone's cookie, as an attacker holding it would use it.</summary>
    public static PortalClient WithCookie(PortalFactory factory, string cookie)
    {
        var http = factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                HandleCookies = false,
            }
        );
        http.DefaultRequestHeaders.Add("Cookie", cookie);

        return new PortalClient(http);
    }

    public static string? AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
