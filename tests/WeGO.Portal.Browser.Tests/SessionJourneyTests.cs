using Microsoft.Playwright;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>An administrator ends a colleague's session from the staff pages, and the colleague's browser is signed out
/// at its next click.</summary>
public sealed class SessionJourneyTests(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true, SeedDemo = false }, durations)
{
    private const string ColleagueEmail = "mina.park@we-gov.org";
    private const string ColleaguePassword = "Colleague-Sessions-2024";
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0";

    [ChromiumFact]
    public async Task Administrator_ends_a_colleagues_session_and_the_colleague_is_signed_out()
    {
        using var timing = Timed();
        await Portal.CreateStaffAsync(ColleagueEmail, ColleaguePassword, Roles.SecretariatStaff);
        var colleague = await SignedInAsync(ColleagueEmail, ColleaguePassword, Firefox);
        var admin = await SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword, userAgent: null);

        await admin.GotoAsync("/Staff");
        await admin
            .Locator("#staff-table tr", new() { HasText = ColleagueEmail })
            .GetByRole(AriaRole.Link, new() { Name = "Sessions" })
            .ClickAsync();
        var row = admin.Locator("#session-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Firefox on Windows");
        await admin.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "admin-sessions.png"), FullPage = true }
        );

        await row.GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#flash")).ToHaveTextAsync("Session ended.");
        await Assertions.Expect(admin.Locator("#no-sessions")).ToBeVisibleAsync();

        await colleague.GotoAsync("/Visits");
        await Assertions.Expect(colleague).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
    }

    private async Task<IPage> SignedInAsync(string email, string password, string? userAgent)
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = "en-GB",
                UserAgent = userAgent,
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            }
        );
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, password);
        return page;
    }
}
