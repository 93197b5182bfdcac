using System.Net;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>A session lives no longer than the rights it was issued with (OWASP ASVS 3.3): sign-out, a role change, a
/// disabled account, a new password and an administrator's "end session" all end it on the server, so the cookie the
/// browser (or anyone who copied it) still holds is refused at its next request.</summary>
public sealed class SessionTests : IClassFixture<PortalFactory>
{
    private const string Password = "Session-Checks-2024";
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0";
    private const string Safari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        + "Version/17.6 Mobile/15E148 Safari/604.1";

    private readonly PortalFactory portal;

    public SessionTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    [Fact]
    public async Task A_demoted_administrators_cookie_can_neither_create_an_account_nor_open_the_staff_list()
    {
        var (otherAdminId, email) = await NewStaffAsync(Roles.Administrator);
        var otherAdmin = PortalClient.For(portal);
        await otherAdmin.SignInAsync(email, Password);
        var token = PortalClient.AntiforgeryToken(await otherAdmin.GetPageAsync("/Staff/Create"))!;

        var admin = await AdministratorAsync();
        using (var demoted = await admin.PostFormAsync($"/Staff/Edit/{otherAdminId}", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
            Assert.Contains(
                "<div class=\"alert alert-success\" role=\"status\" id=\"flash\">Saved.</div>",
                await admin.GetPageAsync(demoted.Headers.Location!.OriginalString),
                StringComparison.Ordinal
            );
        }

        var newAdminEmail = $"made-by-demoted-{Guid.NewGuid():N}@tests.wego";
        using var create = new FormUrlEncodedContent([
            new("Input.Email", newAdminEmail),
            new("Input.DisplayName", "Should Not Exist"),
            new("Input.Roles", Roles.Administrator),
            new("__RequestVerificationToken", token),
        ]);
        using var created = await otherAdmin.Http.PostAsync(new Uri("/Staff/Create", UriKind.Relative), create);
        using var list = await otherAdmin.GetAsync("/Staff");

        AssertSentToSignIn(created);
        AssertSentToSignIn(list);
        Assert.False(
            await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == newAdminEmail)),
            "The demoted administrator created an account"
        );
    }

    [Fact]
    public async Task A_staff_member_demoted_to_program_director_can_no_longer_schedule_with_the_cookie_they_had()
    {
        var (id, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var staff = PortalClient.For(portal);
        await staff.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Visits/Schedule")).StatusCode);

        var admin = await AdministratorAsync();
        (await admin.PostFormAsync($"/Staff/Edit/{id}", [new("Input.Roles", Roles.ProgramDirector)])).Dispose();

        using var schedule = await staff.GetAsync("/Visits/Schedule");
        AssertSentToSignIn(schedule);

        // Signing in again gives the new role, and only it.
        var again = PortalClient.For(portal);
        await again.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Visits")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await again.GetAsync("/Visits/Schedule")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_afterwards()
    {
        var (_, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var browser = PortalClient.For(portal);
        var copy = PortalClient.WithCookie(portal, await browser.SignInAsync(email, Password));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Visits/Schedule")).StatusCode);

        (await browser.PostFormAsync("/", [], action: "/Account/SignOut")).Dispose();

        using var afterwards = await copy.GetAsync("/Visits/Schedule");
        AssertSentToSignIn(afterwards);
    }

    [Fact]
    public async Task A_disabled_accounts_cookie_is_refused_and_it_cannot_sign_in_until_enabled()
    {
        var (id, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var staff = PortalClient.For(portal);
        await staff.SignInAsync(email, Password);

        var admin = await AdministratorAsync();
        using (
            var disabled = await admin.PostFormAsync(
                $"/Staff/Edit/{id}",
                [],
                action: $"/Staff/Edit/{id}?handler=Disable"
            )
        )
        {
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        }

        AssertSentToSignIn(await staff.GetAsync("/Visits"));
        using (
            var refused = await PortalClient
                .For(portal, "en")
                .PostFormAsync("/Account/SignIn", [new("Email", email), new("Password", Password)])
        )
        {
            Assert.Contains(
                "The email or password is not right.",
                await refused.Content.ReadAsStringAsync(),
                StringComparison.Ordinal
            );
        }

        Assert.Contains("text-bg-secondary", await admin.GetPageAsync("/Staff"), StringComparison.Ordinal);
        (await admin.PostFormAsync($"/Staff/Edit/{id}", [], action: $"/Staff/Edit/{id}?handler=Enable")).Dispose();
        var again = PortalClient.For(portal);
        await again.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Visits")).StatusCode);
        var actions = await portal.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == nameof(StaffUser) && a.EntityId == id)
                .Select(a => a.Action)
                .ToListAsync()
        );
        Assert.Equal(["AccountDisabled", "AccountEnabled"], actions);
    }

    [Fact]
    public async Task The_last_administrator_can_neither_demote_nor_disable_themselves()
    {
        using var alone = new PortalFactory { SeedDemo = false }.Start();
        var admin = PortalClient.For(alone, "es");
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var adminId = await alone.WithDbAsync(db =>
            db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync()
        );

        using var demote = await admin.PostFormAsync(
            $"/Staff/Edit/{adminId}",
            [new("Input.Roles", Roles.SecretariatStaff)]
        );
        using var disable = await admin.PostFormAsync(
            $"/Staff/Edit/{adminId}",
            [],
            action: $"/Staff/Edit/{adminId}?handler=Disable"
        );

        Assert.Contains(
            "El portal necesita al menos un administrador",
            await demote.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "No puede desactivar su propia cuenta",
            await disable.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Staff")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_the_users_other_sessions_and_keeps_the_one_that_changed_it()
    {
        var (_, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var elsewhere = PortalClient.For(portal);
        await elsewhere.SignInAsync(email, Password);
        var here = PortalClient.For(portal);
        await here.SignInAsync(email, Password);

        (
            await here.PostFormAsync(
                "/Account/ChangePassword",
                [
                    new("CurrentPassword", Password),
                    new("NewPassword", "Harbour-Lights-2031"),
                    new("ConfirmPassword", "Harbour-Lights-2031"),
                ]
            )
        ).Dispose();

        AssertSentToSignIn(await elsewhere.GetAsync("/Visits"));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Visits")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sees_a_users_sessions_by_browser_and_ends_one_of_them()
    {
        var (id, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var onFirefox = await SignedInWithBrowserAsync(email, Firefox);
        var onSafari = await SignedInWithBrowserAsync(email, Safari);

        var admin = await AdministratorAsync();
        var page = await admin.GetPageAsync($"/Staff/Sessions/{id}");
        Assert.Contains("Firefox on Windows", page, StringComparison.Ordinal);
        Assert.Contains("Safari on iOS", page, StringComparison.Ordinal);

        var firefoxSession = System
            .Text.RegularExpressions.Regex.Match(
                page,
                "data-browser=\"Firefox on Windows\"[^>]*data-session=\"([^\"]+)\""
            )
            .Groups[1]
            .Value;
        using (
            var ended = await admin.PostFormAsync(
                $"/Staff/Sessions/{id}",
                [new("sessionId", firefoxSession)],
                action: $"/Staff/Sessions/{id}?handler=End"
            )
        )
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        AssertSentToSignIn(await onFirefox.GetAsync("/Visits"));
        Assert.Equal(HttpStatusCode.OK, (await onSafari.GetAsync("/Visits")).StatusCode);
        Assert.DoesNotContain(
            "Firefox on Windows",
            await admin.GetPageAsync($"/Staff/Sessions/{id}"),
            StringComparison.Ordinal
        );

        (
            await admin.PostFormAsync($"/Staff/Sessions/{id}", [], action: $"/Staff/Sessions/{id}?handler=EndAll")
        ).Dispose();
        AssertSentToSignIn(await onSafari.GetAsync("/Visits"));
        var actions = await portal.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == nameof(StaffUser) && a.EntityId == id)
                .Select(a => a.Action)
                .ToListAsync()
        );
        Assert.Equal(["SessionEnded", "AllSessionsEnded"], actions);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_user_but_not_their_calendar_feed()
    {
        var (_, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var phone = await SignedInWithBrowserAsync(email, Safari);
        var desk = await SignedInWithBrowserAsync(email, Firefox);
        var feed = System
            .Text.RegularExpressions.Regex.Match(
                await desk.GetPageAsync("/Visits/Calendar"),
                "(/calendar/feed/[^\"<]+\\.ics)"
            )
            .Groups[1]
            .Value;
        var own = await desk.GetPageAsync("/Account/Sessions");
        Assert.Contains("Safari on iOS", own, StringComparison.Ordinal);

        using (
            var everywhere = await desk.PostFormAsync(
                "/Account/Sessions",
                [],
                action: "/Account/Sessions?handler=EndAll"
            )
        )
        {
            Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        }

        AssertSentToSignIn(await desk.GetAsync("/Visits"));
        AssertSentToSignIn(await phone.GetAsync("/Visits"));
        Assert.Equal(
            HttpStatusCode.OK,
            (await PortalClient.For(portal).GetAsync(System.Net.WebUtility.HtmlDecode(feed))).StatusCode
        );
    }

    [Fact]
    public async Task Ending_a_session_without_naming_one_ends_none()
    {
        var (_, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var staff = PortalClient.For(portal);
        await staff.SignInAsync(email, Password);

        using var refused = await staff.PostFormAsync("/Account/Sessions", [], action: "/Account/Sessions?handler=End");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Visits")).StatusCode);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location!.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal),
            $"Expected the sign-in page, got {(int)response.StatusCode} {response.Headers.Location}"
        );
    }

    private async Task<(string Id, string Email)> NewStaffAsync(string role)
    {
        var email = $"session-{Guid.NewGuid():N}@tests.wego";
        return (await portal.CreateStaffAsync(email, Password, role), email);
    }

    private async Task<PortalClient> SignedInWithBrowserAsync(string email, string userAgent)
    {
        var client = PortalClient.For(portal);
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        await client.SignInAsync(email, Password);
        return client;
    }

    private async Task<PortalClient> AdministratorAsync()
    {
        var client = PortalClient.For(portal);
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return client;
    }
}
