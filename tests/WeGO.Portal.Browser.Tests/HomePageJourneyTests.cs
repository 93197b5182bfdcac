using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>The foundation's journey: a staff member signs in and finds the Seremban visit, in any of the three
/// languages.</summary>
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

    [ChromiumFact]
    public async Task Staff_sign_in_and_see_the_Seremban_visit_on_the_home_page()
    {
        using var timing = Timed();
        var page = await SignedInPageAsync();

        var visit = page.GetByRole(AriaRole.Link, new() { Name = "Seremban City Council" });
        await Assertions.Expect(visit).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("36 delegates");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "home-en.png"), FullPage = true }
        );

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
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("36 delegados");
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, "home-es.png"), FullPage = true }
        );

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
