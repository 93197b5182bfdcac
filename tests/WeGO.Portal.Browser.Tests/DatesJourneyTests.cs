using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>Issue 18: a staff member whose zone is Seoul reads the Seremban visit as "7 Oct 2024, 10:00" whatever zone
/// the browser itself is in (a browser on a server reports UTC; this one says New York).</summary>
public sealed class DatesJourneyTests(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true, SeedDemo = true }, durations)
{
    [ChromiumFact]
    public async Task A_Seoul_staff_member_sees_the_Seremban_visit_at_10_00_on_7_Oct_2024_from_a_New_York_browser()
    {
        using var timing = Timed();
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = "en-US",
                TimezoneId = "America/New_York",
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            }
        );
        var page = await context.NewPageAsync();
        await SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await page.GotoAsync("/Account/TimeZone");
        await page.Locator("#Input_TimeZoneId").SelectOptionAsync("Asia/Seoul");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#time-zone-now")).ToContainTextAsync("Seoul");

        await page.GotoAsync("/Visits?Filter.Text=Seremban");
        var row = page.Locator("tbody tr").Filter(new() { HasText = "Seremban City Council" }).First;
        await Assertions.Expect(row).ToContainTextAsync("7 Oct 2024, 10:00");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("times in Seoul");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("UTC");
        await KeepScreenshotAsync(page, "visit-list-en.png");

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        var history = page.Locator("section[aria-labelledby=history-heading]");
        await Assertions.Expect(history).ToContainTextAsync("(Seoul)");
        await history.ScrollIntoViewIfNeededAsync();
        await history.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "visit-history-en.png") });
    }
}
