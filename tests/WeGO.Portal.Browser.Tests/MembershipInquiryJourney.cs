using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>Issue 4's journey, after the Seremban visit: an official of Seremban City Council sends the membership
/// inquiry in Spanish from the public form (on a portal with the visit made for the test: the demo's Seremban
/// already asked, applied and is an Associate member) and keeps the status link; the Secretariat finds it in the
/// pipeline, sees it matched to the city and its visit of 7 October 2024, and moves it to Contacted; the official's
/// status page then shows the new stage. Two browser contexts: the official (anonymous, Kuala Lumpur) and staff
/// (Seoul).</summary>
public sealed partial class MembershipInquiryJourney(TestDurations durations)
    : BrowserJourney(
        // Noon in Seoul on 20 November 2024, six weeks after the visit: it stays among "visits of the last three
        // years" whenever the test runs, and the screenshots show the scenario's dates.
        new ClockedPortal(new DateTimeOffset(2024, 11, 20, 3, 0, 0, TimeSpan.Zero)) { ListenOnLoopback = true },
        durations
    )
{
    private const string City = "Seremban City Council";

    /// <summary>With WEGO_SCREENSHOTS=1 the journey also rewrites the README's pictures in docs/screenshots;
    /// otherwise (CI, everyday runs) they go to the build folder only.</summary>
    private static readonly bool WriteDocsScreenshots = Environment.GetEnvironmentVariable("WEGO_SCREENSHOTS") == "1";

    [ChromiumFact]
    public async Task An_official_sends_the_inquiry_in_Spanish_staff_move_it_to_Contacted_and_the_status_link_shows_it()
    {
        using var timing = Timed();
        await Portal.SerembanVisitToReportAsync(c => c with { OrganizationName = City });
        var official = await NewPageAsync("en-GB", "Asia/Kuala_Lumpur");
        await official.GotoAsync("/Membership/Join");
        await Assertions
            .Expect(official.GetByRole(AriaRole.Heading, new() { Name = "Join WeGO: membership inquiry" }))
            .ToBeVisibleAsync();
        await ScreenshotAsync(official, "join-en.png");

        await ChooseLanguageAsync(official, "한국어", "ko");
        await ScreenshotAsync(official, "join-ko.png");

        await ChooseLanguageAsync(official, "Español", "es");
        await Assertions
            .Expect(official.GetByRole(AriaRole.Heading, new() { Name = "Únase a WeGO: consulta de membresía" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(official.Locator("#Input_PreferredLanguage")).ToHaveValueAsync("es");
        await ScreenshotAsync(official, "join-es.png");

        var visitId = await SendTheInquiryAsync(official);
        var (reference, statusLink) = await KeepTheReferenceAndStatusLinkAsync(official);

        await official.GotoAsync(statusLink);
        await Assertions.Expect(official.Locator("#inquiry-reference")).ToHaveTextAsync(reference);
        await Assertions.Expect(official.Locator("#inquiry-organization")).ToHaveTextAsync($"{City} (Malasia)");
        await Assertions.Expect(official.Locator("#inquiry-stage")).ToHaveTextAsync("Recibida");
        await Assertions.Expect(official.Locator("#inquiry-timeline [aria-current=step]")).ToHaveTextAsync("Recibida");

        var staff = await SignedInStaffPageAsync();
        await FindTheInquiryInThePipelineAsync(staff, reference);
        await CheckTheInquiryPageAsync(staff, visitId);

        await staff.Locator("#move-Contacted").ClickAsync();
        await Assertions.Expect(staff.Locator("#flash")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("#inquiry-stage")).ToHaveTextAsync("Contacted");
        await Assertions.Expect(staff.Locator("#move-Contacted")).ToHaveCountAsync(0);
        await ScreenshotAsync(staff, "inquiry-page.png");

        // Back in the official's browser: the same link, reloaded, tells them the Secretariat is in touch.
        await official.ReloadAsync();
        await Assertions.Expect(official.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(official.Locator("#inquiry-stage")).ToHaveTextAsync("En contacto");
        await Assertions
            .Expect(official.Locator("#inquiry-timeline [aria-current=step]"))
            .ToHaveTextAsync("En contacto");
        await Assertions
            .Expect(official.Locator("#inquiry-timeline .timeline-step.done"))
            .ToContainTextAsync(["Recibida"]);
    }

    /// <summary>The form in Spanish, as the official fills it in; returns the id of the visit they chose.</summary>
    private static async Task<string> SendTheInquiryAsync(IPage page)
    {
        await page.Locator("#Input_OrganizationName").FillAsync(City);
        // The Spanish page names the countries in Spanish.
        await page.Locator("#Input_CountryCode").SelectOptionAsync(new SelectOptionValue { Label = "Malasia" });
        await page.Locator("#Input_Kind").SelectOptionAsync(new SelectOptionValue { Label = "Gobierno local" });
        await page.Locator("#Input_ContactName").FillAsync("Lee Kai Yet");
        await page.Locator("#Input_ContactPosition").FillAsync("Concejal");
        await page.Locator("#Input_Email").FillAsync("lee.kaiyet@mbs.gov.my");
        await page.Locator("#Input_Phone").FillAsync("+60 6-762 0000");
        await page.GetByLabel("Estudios de viabilidad").CheckAsync();
        await page.GetByLabel("Proyectos de desarrollo de capacidades").CheckAsync();
        await page.Locator("#Input_OtherInterest").FillAsync("Planificación urbana e inclusión");
        await page.Locator("#Input_HeardFrom").FillAsync("Nuestra visita a la Secretaría en Seúl");

        // The visit select lists recent visits by city and date; Seremban's is the one of 7 October 2024.
        var visits = page.Locator("#Input_VisitId option").Filter(new() { HasText = City });
        await Assertions.Expect(visits).ToHaveCountAsync(1);
        var visitId = await visits.GetAttributeAsync("value")
            ?? throw new InvalidOperationException("The Seremban visit has no value.");
        await page.Locator("#Input_VisitId").SelectOptionAsync(visitId);

        await page.Locator("#Input_Message")
            .FillAsync(
                "Tras nuestra visita del 7 de octubre, "
                    + "el Ayuntamiento de Seremban desea conocer el proceso de membresía de WeGO."
            );
        await page.GetByLabel("Acepto que WeGO guarde los datos").CheckAsync();
        await page.Locator("#join-submit").ClickAsync();
        return visitId;
    }

    /// <summary>The confirmation: the reference to quote and the private status link, both in Spanish
    /// surroundings.</summary>
    private static async Task<(string Reference, string StatusLink)> KeepTheReferenceAndStatusLinkAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Membership/Sent/[^/]+$"));
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gracias: su consulta se ha enviado" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#inquiry-reference")).ToHaveTextAsync(ReferencePattern());
        await Assertions.Expect(page.Locator("#inquiry-organization")).ToHaveTextAsync(City);
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Guarde este enlace" }))
            .ToBeVisibleAsync();

        var reference = await page.Locator("#inquiry-reference").InnerTextAsync();
        var link = page.Locator("#status-link");
        var statusLink = await link.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The status link has no address.");
        await Assertions.Expect(link).ToHaveTextAsync(statusLink);
        Assert.Matches("/Membership/Status/[A-Za-z0-9_-]{20,}$", statusLink);
        await ScreenshotAsync(page, "inquiry-sent.png");
        return (reference, statusLink);
    }

    /// <summary>Staff open the pipeline, see one new inquiry, and find it by the reference the notification
    /// quotes.</summary>
    private static async Task FindTheInquiryInThePipelineAsync(IPage page, string reference)
    {
        await Assertions.Expect(page.Locator("#new-inquiries-count")).ToContainTextAsync("1");
        await page.Locator("#nav-membership-menu").ClickAsync();
        await page.Locator("#nav-inquiries").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Membership/Inquiries$"));
        await Assertions.Expect(page.Locator("#stage-counts [data-stage=New] .badge")).ToHaveTextAsync("1");

        await page.GetByLabel("Search").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        var rows = page.Locator("#inquiries-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync(City);
        await Assertions.Expect(rows).ToContainTextAsync("Malaysia");
        await Assertions.Expect(rows).ToContainTextAsync("lee.kaiyet@mbs.gov.my");
        await Assertions.Expect(rows.Locator(".badge")).ToHaveTextAsync("New");
        await ScreenshotAsync(page, "inquiries-pipeline.png");

        await rows.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Membership/Inquiries/Details/\d+$"));
    }

    /// <summary>The inquiry page: what was sent, in the official's language, matched to the city the Secretariat
    /// already knows, with the visit they took part in.</summary>
    private static async Task CheckTheInquiryPageAsync(IPage page, string visitId)
    {
        await Assertions.Expect(page.Locator("#inquiry-title")).ToHaveTextAsync(City);
        await Assertions.Expect(page.Locator("#inquiry-stage")).ToHaveTextAsync("New");
        await Assertions.Expect(page.Locator("#inquiry-contact")).ToHaveTextAsync("Lee Kai Yet, Concejal");
        await Assertions.Expect(page.Locator("#inquiry-sent")).ToContainTextAsync("Spanish");
        await Assertions.Expect(page.Locator("#inquiry-sent")).ToContainTextAsync("+60 6-762 0000");
        await Assertions.Expect(page.Locator("#inquiry-sent")).ToContainTextAsync("Feasibility studies");
        await Assertions
            .Expect(page.Locator("#inquiry-sent a[href$='/Visits/Details/" + visitId + "']"))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#next-stages")).ToContainTextAsync("Contacted");

        await Assertions.Expect(page.Locator("#unmatched")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#matched-city")).ToHaveTextAsync(City);
        var visit = page.Locator("#city-visits li");
        await Assertions.Expect(visit).ToHaveCountAsync(1);
        await Assertions.Expect(visit).ToContainTextAsync(new Regex("7 Oct 2024"));
        await Assertions
            .Expect(visit.GetByRole(AriaRole.Link))
            .ToHaveAttributeAsync("href", new Regex($"/Visits/Details/{visitId}$"));
    }

    private async Task<IPage> NewPageAsync(string locale, string timeZone)
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = locale,
                TimezoneId = timeZone,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            }
        );
        return await context.NewPageAsync();
    }

    /// <summary>A Secretariat member's browser: English, in Seoul, signed in as the administrator.</summary>
    private async Task<IPage> SignedInStaffPageAsync()
    {
        var page = await NewPageAsync("en-GB", "Asia/Seoul");
        await SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return page;
    }

    /// <summary>The language switcher in the header, as a visitor uses it; the page comes back in that
    /// language.</summary>
    private static async Task ChooseLanguageAsync(IPage page, string nativeName, string language)
    {
        await page.Locator("#language-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = nativeName }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Membership/Join$"));
    }

    /// <summary>Every picture is also a check that the page fits the window: nothing pushes it sideways.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Assert.True(
            await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
            ),
            $"{name}: the page is wider than the window."
        );
        var png = await page.ScreenshotAsync(
            new() { Path = Path.Combine(Browser.ScreenshotFolder, name), FullPage = true }
        );
        if (WriteDocsScreenshots)
        {
            await File.WriteAllBytesAsync(RepositoryFiles.PathOf("docs", "screenshots", name), png);
        }
    }

    [GeneratedRegex(@"^WGO-2024-\w+$")]
    private static partial Regex ReferencePattern();
}
