using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>The foundation's journey: a staff member signs in to the demo's working year, finds the Seremban visit
/// among the others, in any of the three languages.</summary>
public sealed class HomePageJourneyTests(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true, SeedDemo = true }, durations)
{
    private async Task<IPage> SignedInPageAsync()
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            }
        );
        var page = await context.NewPageAsync();
        await SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return page;
    }

    /// <summary>The calendar's week of the seed's day, where the Seremban visit sits among that week's.</summary>
    private static Task<IResponse?> FindSerembanAsync(IPage page) =>
        page.GotoAsync("/Visits/Calendar?view=week&date=2024-10-07");

    [ChromiumFact]
    public async Task Staff_sign_in_and_find_the_Seremban_visit_among_the_year_s_visits()
    {
        using var timing = Timed();
        var page = await SignedInPageAsync();
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "home-en.png"), FullPage = true }
        );

        await FindSerembanAsync(page);
        var visit = page.GetByRole(AriaRole.Link, new() { Name = "Seremban City Council" });
        await Assertions.Expect(visit).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("36 delegates");

        await visit.ClickAsync();
        await Assertions.Expect(page.Locator("#head-of-delegation")).ToHaveTextAsync("Lee Kai Yet");
        await Assertions.Expect(page.Locator("#agenda li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#visit-hosts")).ToContainTextAsync("Jeong-kee Kim");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "visit-en.png"), FullPage = true }
        );
    }

    [ChromiumFact]
    public async Task The_language_switcher_turns_the_portal_Spanish_then_Korean_and_remembers_it()
    {
        using var timing = Timed();
        var page = await SignedInPageAsync();

        await page.Locator("#language-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resumen" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "home-es.png"), FullPage = true }
        );
        await FindSerembanAsync(page);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("36 delegados");
        await page.GotoAsync("/");

        await page.Locator("#language-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "한국어" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "개요" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "home-ko.png"), FullPage = true }
        );

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
    }
}
