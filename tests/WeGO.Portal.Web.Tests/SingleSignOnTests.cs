using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;
using WeGO.Portal.Web.Identity;

namespace WeGO.Portal.Web.Tests;

/// <summary>Sign-in through a real OpenID Connect provider (<see cref="TestOidcProvider"/>), over HTTP as a browser
/// would: who gets in, with which roles, what is audited, and what switching local passwords off takes away.</summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private TestOidcProvider provider = null!;
    private readonly List<PortalFactory> portals = [];

    public async Task InitializeAsync() => provider = await TestOidcProvider.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var portal in portals)
        {
            await portal.DisposeAsync();
        }

        await provider.DisposeAsync();
    }

    private PortalFactory Portal(bool localPasswords = true)
    {
        var portal = new PortalFactory();
        provider.Configure(portal, localPasswords);
        portals.Add(portal);
        return portal.Start();
    }

    [Fact]
    public async Task Invited_colleague_signs_in_with_the_portals_roles_not_the_providers_and_the_link_is_audited()
    {
        var portal = Portal();
        var userId = await portal.CreateStaffAsync(
            "invited@we-gov.org",
            "Unused-Password-2024",
            Roles.SecretariatStaff
        );
        var client = PortalClient.For(portal);

        Assert.Equal("/", await SignInThroughProviderAsync(client, "invited@we-gov.org"));

        using (var visits = await client.GetAsync("/Visits"))
        {
            Assert.Equal(HttpStatusCode.OK, visits.StatusCode);
        }

        // The provider's token says "role": "Administrator"; the portal's account says Secretariat staff.
        using (var staff = await client.GetAsync("/Staff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", staff.Headers.Location!.PathAndQuery());
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var audit = await db.AuditEntries.Where(a => a.EntityId == userId && a.Action == "SsoLinked").ToListAsync();
        Assert.Single(audit);
        Assert.DoesNotContain("invited@we-gov.org", audit[0].Changes, StringComparison.OrdinalIgnoreCase);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var logins = await users.GetLoginsAsync((await users.FindByIdAsync(userId))!);
        Assert.Equal(SingleSignOn.Scheme, Assert.Single(logins).LoginProvider);
        Assert.Equal(1, await db.Set<StaffSession>().CountAsync(s => s.UserId == userId));

        // The second time the link is used: no second link, no second audit entry.
        Assert.Equal("/", await SignInThroughProviderAsync(PortalClient.For(portal), "invited@we-gov.org"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == userId && a.Action == "SsoLinked"));
    }

    [Fact]
    public async Task Unknown_address_is_told_to_ask_for_an_invitation_and_no_account_is_made()
    {
        var portal = Portal();
        var client = PortalClient.For(portal);

        var landed = await SignInThroughProviderAsync(client, "stranger@elsewhere.org");

        Assert.Equal("/Account/SignIn?sso=unknown", landed);
        Assert.Contains("Ask an administrator to invite you", await client.GetPageAsync(landed));
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "stranger@elsewhere.org"));
        Assert.False(await db.Set<IdentityUserLogin<string>>().AnyAsync());
        using var visits = await client.GetAsync("/Visits");
        Assert.Equal(HttpStatusCode.Redirect, visits.StatusCode);
    }

    [Fact]
    public async Task Disabled_account_is_refused_through_the_provider()
    {
        var portal = Portal();
        var userId = await portal.CreateStaffAsync("gone@we-gov.org", "Unused-Password-2024", Roles.SecretariatStaff);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, StaffUser.DisabledUntil);
        }

        var client = PortalClient.For(portal);
        Assert.Equal("/Account/SignIn?sso=refused", await SignInThroughProviderAsync(client, "gone@we-gov.org"));
        using var visits = await client.GetAsync("/Visits");
        Assert.Equal(HttpStatusCode.Redirect, visits.StatusCode);
    }

    [Theory]
    [InlineData(TestOidcMode.TamperIdToken)]
    [InlineData(TestOidcMode.ExpiredIdToken)]
    public async Task Tampered_or_expired_id_token_is_refused(TestOidcMode mode)
    {
        var portal = Portal();
        await portal.CreateStaffAsync("honest@we-gov.org", "Unused-Password-2024", Roles.SecretariatStaff);
        provider.Mode = mode;
        var client = PortalClient.For(portal);

        var landed = await SignInThroughProviderAsync(client, "honest@we-gov.org");

        Assert.Equal("/Account/SignIn?sso=failed", landed);
        Assert.Contains("did not work", await client.GetPageAsync(landed));
        using var visits = await client.GetAsync("/Visits");
        Assert.Equal(HttpStatusCode.Redirect, visits.StatusCode);
    }

    [Fact]
    public async Task A_one_time_password_account_signing_in_through_the_provider_is_not_sent_to_change_it()
    {
        var portal = Portal();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser
            {
                UserName = "fresh@we-gov.org",
                Email = "fresh@we-gov.org",
                EmailConfirmed = true,
                DisplayName = "Fresh",
                MustChangePassword = true,
            };
            await users.CreateAsync(user, "Unused-Password-2024");
            await users.AddToRoleAsync(user, Roles.SecretariatStaff);
        }

        var client = PortalClient.For(portal);
        await SignInThroughProviderAsync(client, "fresh@we-gov.org");
        using var visits = await client.GetAsync("/Visits");
        Assert.Equal(HttpStatusCode.OK, visits.StatusCode);
    }

    [Fact]
    public async Task With_local_passwords_off_the_form_is_gone_its_posts_answer_404_and_new_accounts_get_no_password()
    {
        var portal = Portal(localPasswords: false);
        var anonymous = PortalClient.For(portal);
        using (var get = await anonymous.GetAsync("/Account/SignIn"))
        {
            // The button's post is redirected to the provider, which the page's form-action must allow.
            var policy = string.Join(" ", get.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("form-action 'self' " + provider.Authority.GetLeftPart(UriPartial.Authority), policy);
        }

        var signInPage = await anonymous.GetPageAsync("/Account/SignIn");
        Assert.DoesNotContain("name=\"Password\"", signInPage);
        Assert.Contains("Sign in with " + TestOidcProvider.DisplayName, signInPage);
        using (
            var post = await anonymous.PostFormAsync(
                "/Account/SignIn",
                [new("Email", PortalFactory.AdminEmail), new("Password", PortalFactory.AdminPassword)]
            )
        )
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        // The first administrator was made without a password: the provider is their only way in.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var admin = (await users.FindByEmailAsync(PortalFactory.AdminEmail))!;
            Assert.False(await users.HasPasswordAsync(admin));
            Assert.False(admin.MustChangePassword);
        }

        var client = PortalClient.For(portal);
        Assert.Equal("/", await SignInThroughProviderAsync(client, PortalFactory.AdminEmail));
        foreach (
            var passwordPage in (string[])["/Account/ChangePassword", "/Account/TwoFactor", "/Account/SignInTwoFactor"]
        )
        {
            using var passwordOnly = await client.GetAsync(passwordPage);
            Assert.Equal(HttpStatusCode.NotFound, passwordOnly.StatusCode);
        }

        var sessions = await client.GetPageAsync("/Account/Sessions");
        Assert.DoesNotContain("/Account/ChangePassword", sessions);
        Assert.DoesNotContain("/Account/TwoFactor", sessions);

        using var created = await client.PostFormAsync(
            "/Staff/Create",
            [
                new("Input.Email", "sso.colleague@we-gov.org"),
                new("Input.DisplayName", "Single Sign-On Colleague"),
                new("Input.Roles", Roles.SecretariatStaff),
            ]
        );
        var page = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.DoesNotContain("temporary-password", page);
        Assert.Contains("They sign in with " + TestOidcProvider.DisplayName, page);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var colleague = (await users.FindByEmailAsync("sso.colleague@we-gov.org"))!;
            Assert.False(await users.HasPasswordAsync(colleague));
            Assert.False(colleague.MustChangePassword);
        }

        Assert.Equal("/", await SignInThroughProviderAsync(PortalClient.For(portal), "sso.colleague@we-gov.org"));
    }

    [Fact]
    public void Local_passwords_off_without_a_provider_stops_the_portal_at_start()
    {
        using var portal = new PortalFactory();
        portal.Settings["Portal:SignIn:LocalPasswords"] = "false";
        var failure = Assert.ThrowsAny<Exception>(() => portal.Start());
        Assert.Contains("Portal:SignIn:Oidc:Authority", failure.ToString());
    }

    [Fact]
    public void A_security_stamp_refresh_keeps_the_session_and_the_single_sign_on_marks()
    {
        var signedIn = new ClaimsPrincipal(
            new ClaimsIdentity(
                [
                    new Claim(SessionCookie.SessionClaim, "session-1"),
                    new Claim(ClaimTypes.AuthenticationMethod, SingleSignOn.Scheme),
                    new Claim("amr", "mfa"),
                    new Claim(ClaimTypes.Role, "stale"),
                ],
                "Identity.Application"
            )
        );
        var renewed = new ClaimsPrincipal(
            new ClaimsIdentity([new Claim(ClaimTypes.Name, "x")], "Identity.Application")
        );

        SessionCookie.KeepSession(
            new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = signedIn, NewPrincipal = renewed }
        );

        Assert.Equal("session-1", renewed.FindFirst(SessionCookie.SessionClaim)?.Value);
        Assert.Equal(SingleSignOn.Scheme, renewed.FindFirst(ClaimTypes.AuthenticationMethod)?.Value);
        Assert.Equal("mfa", renewed.FindFirst("amr")?.Value);
        Assert.Null(renewed.FindFirst(ClaimTypes.Role));
    }

    /// <summary>The button, the provider's address form, the callback, the portal's answer: where the browser lands
    /// at the end (a path and query).</summary>
    private async Task<string> SignInThroughProviderAsync(PortalClient client, string email)
    {
        using var challenge = await client.PostFormAsync("/Account/SignIn", [], "/Account/ExternalSignIn");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(provider.Authority.ToString(), authorize.ToString(), StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"].ToString());

        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(
            query.Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString())).Append(new("email", email))
        );
        using var vouched = await idp.PostAsync(new Uri(provider.Authority, "connect/authorize"), form);
        Assert.Equal(HttpStatusCode.Redirect, vouched.StatusCode);
        var callback = vouched.Headers.Location!;
        Assert.Equal("/signin-oidc", callback.AbsolutePath);

        var next = callback.PathAndQuery;
        for (var hop = 0; hop < 3; hop++)
        {
            using var answer = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            next = answer.Headers.Location!.PathAndQuery();
            if (!next.StartsWith("/Account/ExternalSignIn", StringComparison.OrdinalIgnoreCase))
            {
                return next;
            }
        }

        throw new InvalidOperationException("The portal kept redirecting through its callback.");
    }
}

internal static class LocationExtensions
{
    /// <summary>A Location header's path and query, whether the portal wrote it relative or absolute.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
