using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Two-factor sign-in with an authenticator app: required of administrators (the gate), kept on by them,
/// reset by an administrator with an audit entry, and wrong codes count towards the lockout. The enrolment, the code
/// and the recovery codes in a browser: TwoFactorJourneyTests.</summary>
public sealed partial class TwoFactorTests : IClassFixture<PortalFactory>
{
    private const string Password = "Two-Factor-Tests-2024";

    private readonly PortalFactory portal;

    public TwoFactorTests(PortalFactory portal) => this.portal = portal.Start();

    [Fact]
    public async Task An_administrator_without_two_factors_is_sent_to_enrolment_and_nowhere_else_until_enrolled()
    {
        var (id, email) = await NewStaffAsync(Roles.Administrator);
        var admin = await PasswordOnlyAsync(email);

        foreach (var path in (string[])["/", "/Staff", "/Visits", "/Account/Sessions", $"/Staff/Edit/{id}"])
        {
            using var sent = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/Account/TwoFactor", sent.Headers.Location!.OriginalString);
        }

        // The password change stays open, so the two gates cannot send someone back and forth.
        Assert.Contains(
            "CurrentPassword",
            await admin.GetPageAsync("/Account/ChangePassword"),
            StringComparison.Ordinal
        );
        var enrolment = await admin.GetPageAsync("/Account/TwoFactor");
        Assert.Contains("id=\"two-factor-required\"", enrolment, StringComparison.Ordinal);
        var key = KeyOn(enrolment);

        using (var wrong = await admin.PostFormAsync("/Account/TwoFactor", [new("Code", "000000")]))
        {
            Assert.Contains(
                "That code is not right",
                await wrong.Content.ReadAsStringAsync(),
                StringComparison.Ordinal
            );
        }

        Assert.False(await TwoFactorEnabledAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/Staff")).StatusCode);

        var codes = await ConfirmAsync(admin, key);

        Assert.Equal(TwoFactorSettings.RecoveryCodeCount, codes.Count);
        Assert.True(await TwoFactorEnabledAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Staff")).StatusCode);
        Assert.Equal(["TwoFactorEnabled"], await AuditOfAsync(id));
    }

    [Fact]
    public async Task A_colleague_without_two_factors_is_not_sent_to_enrolment_but_may_enrol()
    {
        var (id, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var colleague = await PasswordOnlyAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/Visits")).StatusCode);
        var page = await colleague.GetPageAsync("/Account/TwoFactor");
        Assert.DoesNotContain("two-factor-required", page, StringComparison.Ordinal);
        await ConfirmAsync(colleague, KeyOn(page));

        Assert.True(await TwoFactorEnabledAsync(id));
        using var signIn = await PortalClient
            .For(portal)
            .PostFormAsync("/Account/SignIn", [new("Email", email), new("Password", Password)]);
        Assert.StartsWith(
            PortalClient.TwoFactorPage,
            signIn.Headers.Location!.OriginalString,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Administrators_cannot_switch_two_factors_off_and_colleagues_can()
    {
        var (adminId, adminEmail) = await NewStaffAsync(Roles.Administrator);
        var admin = PortalClient.For(portal, "en");
        await admin.SignInAsync(adminEmail, Password);
        Assert.DoesNotContain(
            "handler=TurnOff",
            await admin.GetPageAsync("/Account/TwoFactor"),
            StringComparison.Ordinal
        );

        using (var refused = await admin.PostFormAsync("/Account/TwoFactor", [], "/Account/TwoFactor?handler=TurnOff"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(
                "Administrators must keep two-factor sign-in on.",
                await refused.Content.ReadAsStringAsync(),
                StringComparison.Ordinal
            );
        }

        Assert.True(await TwoFactorEnabledAsync(adminId));

        var (id, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var colleague = await PasswordOnlyAsync(email);
        await ConfirmAsync(colleague, KeyOn(await colleague.GetPageAsync("/Account/TwoFactor")));
        using (var off = await colleague.PostFormAsync("/Account/TwoFactor", [], "/Account/TwoFactor?handler=TurnOff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.False(await TwoFactorEnabledAsync(id));
        Assert.Equal(["TwoFactorEnabled", "TwoFactorDisabled"], await AuditOfAsync(id));
        // This browser stays signed in; the next sign-in asks for the password alone.
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/Visits")).StatusCode);
        await PasswordOnlyAsync(email);
    }

    [Fact]
    public async Task An_administrators_reset_is_audited_ends_the_persons_sessions_and_is_refused_to_others()
    {
        var (id, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var colleague = await PasswordOnlyAsync(email);
        await ConfirmAsync(colleague, KeyOn(await colleague.GetPageAsync("/Account/TwoFactor")));
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/Visits")).StatusCode);

        // Another colleague may not: the page's policy first, then the use case's own declaration.
        var other = await PortalClient.NewStaffSignedInAsync(portal, Roles.ProgramDirector);
        using (var denied = await other.PostFormAsync("/", [], $"/Staff/Edit/{id}?handler=ResetTwoFactor"))
        {
            Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<UseCaseRefusedException>(() =>
            portal.SendAsDirectorAsync(new ResetStaffTwoFactor.Command(id))
        );
        Assert.True(await TwoFactorEnabledAsync(id));

        var admin = PortalClient.For(portal, "en");
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        using (
            var reset = await admin.PostFormAsync($"/Staff/Edit/{id}", [], $"/Staff/Edit/{id}?handler=ResetTwoFactor")
        )
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        Assert.Contains(
            "Two-factor sign-in was reset",
            await admin.GetPageAsync($"/Staff/Edit/{id}"),
            StringComparison.Ordinal
        );
        Assert.False(await TwoFactorEnabledAsync(id));
        Assert.Equal(
            0,
            await WithUsersAsync(async users => await users.CountRecoveryCodesAsync((await users.FindByIdAsync(id))!))
        );
        using (var ended = await colleague.GetAsync("/Visits"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
            Assert.StartsWith("/Account/SignIn", ended.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var adminId = await portal.WithDbAsync(db =>
            db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync()
        );
        var audit = await portal.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityId == id && a.Action == "TwoFactorReset").ToListAsync()
        );
        Assert.Equal(adminId, Assert.Single(audit).ActorId);
        await PasswordOnlyAsync(email);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var (id, email) = await NewStaffAsync(Roles.SecretariatStaff);
        var enrolled = await PasswordOnlyAsync(email);
        await ConfirmAsync(enrolled, KeyOn(await enrolled.GetPageAsync("/Account/TwoFactor")));

        var client = PortalClient.For(portal, "en");
        using var signIn = await client.PostFormAsync(
            "/Account/SignIn",
            [new("Email", email), new("Password", Password)]
        );
        var codePage = signIn.Headers.Location!.OriginalString;
        var answers = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.PostFormAsync(codePage, [new("Code", "12345" + (attempt % 10))]);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            answers.Add(await wrong.Content.ReadAsStringAsync());
        }

        Assert.Contains("That code is not right", answers[0], StringComparison.Ordinal);
        Assert.Contains("this account is locked for 15 minutes", answers[^1], StringComparison.Ordinal);
        Assert.True(
            await WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByIdAsync(id))!))
        );
        using var refused = await PortalClient
            .For(portal, "en")
            .PostFormAsync("/Account/SignIn", [new("Email", email), new("Password", Password)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "The email or password is not right.",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Enrolment_opened_in_several_tabs_at_once_shows_each_the_one_key_the_account_keeps()
    {
        var (id, email) = await NewStaffAsync(Roles.Administrator);
        var admin = await PasswordOnlyAsync(email);

        // Tabs restored together after a browser restart ask for the page at the same moment; none may fail, and a code
        // from the key any of them shows must be the one the account takes.
        var pages = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => admin.GetPageAsync("/Account/TwoFactor")))
        );

        var keys = pages.Select(KeyOn).Distinct().ToList();
        Assert.Single(keys);
        await ConfirmAsync(admin, keys[0]);
        Assert.True(await TwoFactorEnabledAsync(id));
    }

    [Fact]
    public async Task A_new_administrator_signed_in_from_several_browsers_at_once_is_enrolled_once_and_each_gets_in()
    {
        var (_, email) = await NewStaffAsync(Roles.Administrator);

        // The suite's own sign-in enrols an administrator on first use; the accessibility audit does it from three
        // browsers at once, and each must get the one key the account keeps. (SQLite's calls complete synchronously,
        // so each enrolment gets a thread of its own, or they would run one after the other anyway.)
        var keys = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => portal.AuthenticatorKeyForSignInAsync(email)))
        );

        Assert.Single(keys.Distinct());
        var kept = await WithUsersAsync(async users =>
            await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!)
        );
        Assert.Equal(kept, keys[0]);
        var administrators = Enumerable.Range(0, 3).Select(_ => PortalClient.For(portal, "en")).ToList();
        await Task.WhenAll(administrators.Select(client => client.SignInAsync(email, Password)));
        foreach (var administrator in administrators)
        {
            Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/Staff")).StatusCode);
        }
    }

    [Fact]
    public async Task An_installation_may_switch_the_administrators_requirement_off()
    {
        using var trial = new PortalFactory
        {
            Settings = { [TwoFactorSettings.Section + ":RequiredForAdministrators"] = "false" },
        };
        var admin = PortalClient.For(trial.Start());
        using var signIn = await admin.PostFormAsync(
            "/Account/SignIn",
            [new("Email", PortalFactory.AdminEmail), new("Password", PortalFactory.AdminPassword)]
        );
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Staff")).StatusCode);
        Assert.DoesNotContain(
            "two-factor-required",
            await admin.GetPageAsync("/Account/TwoFactor"),
            StringComparison.Ordinal
        );
    }

    private async Task<(string Id, string Email)> NewStaffAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@two-factor.tests.wego";
        return (await portal.CreateStaffAsync(email, Password, role), email);
    }

    /// <summary>Signs in with the password alone, as an account without two factors does (an administrator's are not
    /// set up first, unlike <see cref="PortalClient.SignInAsync"/>).</summary>
    private async Task<PortalClient> PasswordOnlyAsync(string email)
    {
        var client = PortalClient.For(portal, "en");
        using var signIn = await client.PostFormAsync(
            "/Account/SignIn",
            [new("Email", email), new("Password", Password)]
        );
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>Types the code the app shows for <paramref name="key"/>; answers the recovery codes the page
    /// shows.</summary>
    private static async Task<IReadOnlyList<string>> ConfirmAsync(PortalClient client, string key)
    {
        using var confirmed = await client.PostFormAsync(
            "/Account/TwoFactor",
            [new("Code", PortalFactory.AuthenticatorCode(key))]
        );
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var page = await confirmed.Content.ReadAsStringAsync();
        var list = RecoveryCodeList().Match(page);
        Assert.True(list.Success, "No recovery codes on the page.");
        return [.. ListItem().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value.Trim())];
    }

    private static string KeyOn(string page) =>
        WebUtility.HtmlDecode(
            AuthenticatorKey().Match(page) is { Success: true } match
                ? match.Groups[1].Value
                : throw new InvalidOperationException("No authenticator key on the page.")
        );

    private Task<bool> TwoFactorEnabledAsync(string id) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync());

    private Task<List<string>> AuditOfAsync(string id) =>
        portal.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityId == id && a.EntityType == nameof(StaffUser))
                .OrderBy(a => a.Id)
                .Select(a => a.Action)
                .ToListAsync()
        );

    private async Task<T> WithUsersAsync<T>(Func<UserManager<StaffUser>, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("id=\"recovery-codes\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex RecoveryCodeList();

    [GeneratedRegex("<li>([^<]+)</li>")]
    private static partial Regex ListItem();
}
