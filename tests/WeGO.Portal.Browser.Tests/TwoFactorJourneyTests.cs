using Microsoft.Playwright;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>A new administrator signs in with a password, is sent to enrol an authenticator, enrols it from the key the
/// page shows, keeps the recovery codes, signs in again with a code, then once with a recovery code, which does not
/// work a second time.</summary>
public sealed class TwoFactorJourneyTests(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true, SeedDemo = false }, durations)
{
    private const string Email = "jun.choi@we-gov.org";
    private const string Password = "Administrator-Two-Factors-2024";

    [ChromiumFact]
    public async Task Administrator_enrols_an_authenticator_and_signs_in_with_a_code_and_once_with_a_recovery_code()
    {
        using var timing = Timed();
        await Portal.CreateStaffAsync(Email, Password, Roles.Administrator);
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            }
        );
        var page = await context.NewPageAsync();

        // The password alone opens nothing but the enrolment.
        await TypePasswordAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/TwoFactor$"));
        await page.GotoAsync("/Staff");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/TwoFactor$"));
        await Assertions.Expect(page.Locator("#two-factor-required")).ToBeVisibleAsync();
        var qr = page.Locator("#authenticator-qr");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The QR code is no picture.");
        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Trim();
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        await KeepScreenshotAsync(page, "two-factor-enrol-en.png");

        // Every request the enrolment page made has been answered: confirming starts a new session, and a late request
        // still carrying the old cookie would be answered with the cookie's deletion.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#Code").FillAsync(PortalFactory.AuthenticatorCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        var shown = page.Locator("#recovery-codes li");
        await Assertions.Expect(shown).ToHaveCountAsync(TwoFactorSettings.RecoveryCodeCount);
        var recoveryCodes = (await shown.AllTextContentsAsync()).Select(c => c.Trim()).ToList();
        await Assertions.Expect(page.Locator("#two-factor-on")).ToBeVisibleAsync();
        // An administrator may not turn it off.
        await Assertions
            .Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-factor sign-in" }))
            .ToHaveCountAsync(0);
        await page.GotoAsync("/Staff");
        await Assertions.Expect(page.Locator("#staff-table")).ToContainTextAsync(Email);
        await SignOutAsync(page);

        // Password, then the code the app shows now.
        await TypePasswordAsync(page);
        await TypeAuthenticatorCodeAsync(page, key);
        await ExpectSignedInAsync(page);
        await SignOutAsync(page);

        // Password, then recovery code #1, which works once.
        await TypePasswordAsync(page);
        await page.Locator("#use-recovery-code").ClickAsync();
        // Typed as a person might: lower case, without the dash.
        await page.Locator("#RecoveryCode")
            .FillAsync(recoveryCodes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        await page.Locator("main form button[type=submit]").ClickAsync();
        await ExpectSignedInAsync(page);
        await SignOutAsync(page);

        await TypePasswordAsync(page);
        await page.Locator("#use-recovery-code").ClickAsync();
        await page.Locator("#RecoveryCode").FillAsync(recoveryCodes[0]);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("has been used already");
        await Assertions.Expect(page.Locator("header form[action$='/Account/SignOut'] button")).ToHaveCountAsync(0);
    }

    private static async Task TypePasswordAsync(IPage page)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.Locator("#Email").FillAsync(Email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
    }

    private async Task ExpectSignedInAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("header form[action$='/Account/SignOut'] button")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Portal.RootUri.ToString());
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.Locator("header form[action$='/Account/SignOut'] button").ClickAsync();
        await Assertions.Expect(page.Locator("header a[href$='/Account/SignIn']")).ToBeVisibleAsync();
    }
}
