using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>An administrator looks up what the portal holds about a person and opens the printable export, in each of
/// the portal's languages (the screenshots issue 19 asks for).</summary>
public sealed class PrivacyRequestJourneyTests(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true, SeedDemo = false }, durations)
{
    private const string Email = "mariana.oduya@kisumu-county.example";
    private const string Name = "Mariana Oduya";

    private static readonly (string Language, string Locale, string Find)[] Languages =
    [
        ("en", "en-GB", "Find"),
        ("es", "es-ES", "Buscar"),
        ("ko", "ko-KR", "찾기"),
    ];

    [ChromiumFact]
    public async Task Administrator_finds_a_person_and_opens_the_export_in_each_language()
    {
        using var timing = Timed();
        var inquiry = await Portal.MembershipInquiryAsync(change: c =>
            c with
            {
                ContactName = Name,
                Email = Email,
                Phone = "+254 57 202 3000",
                CountryCode = "KE",
            }
        );
        await Portal.WriteInquiryNoteAsync(inquiry.Id, $"Spoke with {Name}: she will send the signed form.");
        await Portal.VisitRequestAsync(c => c with { ContactName = Name, Email = Email, CountryCode = "KE" });

        foreach (var (language, locale, find) in Languages)
        {
            var context = await NewBrowserContextAsync(
                new BrowserNewContextOptions
                {
                    BaseURL = Portal.RootUri.ToString(),
                    Locale = locale,
                    ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                }
            );
            var page = await context.NewPageAsync();
            await SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await page.Locator("#nav-admin-menu").ClickAsync();
            await page.Locator("#nav-privacy-requests").ClickAsync();
            await page.Locator("#Input_Email").FillAsync(Email);
            await page.GetByRole(AriaRole.Button, new() { Name = find, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#found-inquiries")).ToContainTextAsync(Name);
            await Assertions.Expect(page.Locator("#found-visit-requests")).ToContainTextAsync(Name);
            await KeepScreenshotAsync(page, $"privacy-request-{language}.png");

            var export = await page.RunAndWaitForPopupAsync(() =>
                page.Locator("form[action$='/Privacy/Requests/Export'] button").ClickAsync()
            );
            await Assertions
                .Expect(export.Locator("#found-inquiries"))
                .ToContainTextAsync("she will send the signed form");
            await KeepScreenshotAsync(export, $"personal-data-export-{language}.png");
            await context.CloseAsync();
        }
    }
}
