using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>Issue 14's journey, the city's half of the Seremban visit: in early September 2024 the council's contact
/// asks to visit, in Spanish, on the public form; the Secretariat accepts the request (a Requested visit for the city)
/// and confirms it, and sends the programme; the contact opens the delegation page from the programme's mail and
/// enters the delegates; staff print badges and place cards; on the day, check-in on a phone marks arrivals. Three
/// browsers: the contact (Kuala Lumpur), staff at a desk (Seoul) and staff at the door with a phone.</summary>
public sealed partial class DelegationJourney(TestDurations durations)
    : BrowserJourney(
        // Noon in Seoul on 2 September 2024: five weeks before the visit of 7 October.
        new ClockedPortal(new DateTimeOffset(2024, 9, 2, 3, 0, 0, TimeSpan.Zero)) { ListenOnLoopback = true },
        durations
    )
{
    private const string City = "Seremban City Council";
    private const string ContactEmail = "lee.kaiyet@mbs.gov.my";

    private static readonly string[] Delegates = ["Lee Kai Yet", "Aminah binti Contoh", "김예시"];

    [ChromiumFact]
    public async Task Seremban_asks_to_visit_in_Spanish_sends_its_delegates_and_is_checked_in_at_the_door()
    {
        using var timing = Timed();
        var contact = await NewPageAsync("en-GB", "Asia/Kuala_Lumpur", 1280);
        var reference = await AskToVisitAsync(contact);

        var staff = await NewPageAsync("en-GB", "Asia/Seoul", 1280);
        await SignInAsync(staff, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var visitId = await AcceptAndConfirmAsync(staff, reference);
        await SendTheProgrammeAsync(staff, visitId);

        var link = await DelegationLinkFromTheMailAsync(contact);
        await EnterTheDelegatesAsync(contact, link);

        await PrintBadgesAndPlaceCardsAsync(staff, visitId);

        // The phone signs in like any browser, then is held upright: 375 px wide.
        var door = await NewPageAsync("en-GB", "Asia/Seoul", 1280);
        await SignInAsync(door, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await door.SetViewportSizeAsync(375, 800);
        await CheckInAsync(door, visitId);
    }

    /// <summary>The form in each language, then sent in Spanish; returns the reference the confirmation
    /// shows.</summary>
    private static async Task<string> AskToVisitAsync(IPage page)
    {
        await page.GotoAsync("/visit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/VisitRequests/Ask$"));
        await KeepScreenshotAsync(page, "visit-request-en.png");
        await ChooseLanguageAsync(page, "한국어", "ko");
        await KeepScreenshotAsync(page, "visit-request-ko.png");
        await ChooseLanguageAsync(page, "Español", "es");
        await Assertions.Expect(page.Locator("#Input_PreferredLanguage")).ToHaveValueAsync("es");
        await KeepScreenshotAsync(page, "visit-request-es.png");

        await page.Locator("#Input_OrganizationName").FillAsync(City);
        await page.Locator("#Input_CountryCode").SelectOptionAsync("MY");
        await page.Locator("#Input_ContactName").FillAsync("Lee Kai Yet");
        await page.Locator("#Input_ContactPosition").FillAsync("Concejal");
        await page.Locator("#Input_Email").FillAsync(ContactEmail);
        await page.Locator("#Input_Phone").FillAsync("+60 6-762 0000");
        await page.Locator("#Input_EarliestDate").FillAsync("2024-10-07");
        await page.Locator("#Input_LatestDate").FillAsync("2024-10-11");
        await page.Locator("#Input_Flexibility").SelectOptionAsync("FewDaysEitherWay");
        await page.Locator("#Input_DelegationSize").FillAsync("36");
        await page.Locator("#Input_Purpose")
            .FillAsync("Conocer las actividades de WeGO y hablar de la colaboración hacia la membresía de Seremban.");
        await page.GetByLabel("Estudios de viabilidad").CheckAsync();
        await page.Locator("#Input_OtherTopics").FillAsync("Planificación urbana e inclusión");
        await page.Locator("#Input_Languages").FillAsync("Malayo, inglés");
        await page.Locator("#Input_InterpretationNeeded").CheckAsync();
        await page.Locator("#Input_ConsentGiven").CheckAsync();
        await page.Locator("#visit-request-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/VisitRequests/Sent/[^/]+$"));
        await Assertions.Expect(page.Locator("#inquiry-reference")).ToHaveTextAsync(new Regex(@"^WGV-2024-\w+$"));
        await Assertions.Expect(page.Locator("#inquiry-organization")).ToHaveTextAsync(City);
        return await page.Locator("#inquiry-reference").InnerTextAsync();
    }

    /// <summary>The triage queue, the request, the prefilled acceptance, then the visit confirmed; returns its
    /// id.</summary>
    private static async Task<string> AcceptAndConfirmAsync(IPage page, string reference)
    {
        await page.GotoAsync("/VisitRequests");
        var row = page.Locator("tr").Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(City);
        await KeepScreenshotAsync(page, "visit-requests-queue.png");

        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(page.Locator("#request-status")).ToBeVisibleAsync();
        await page.Locator("#accept-request").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Date")).ToHaveValueAsync("2024-10-07");
        await Assertions.Expect(page.Locator("#Input_ExpectedHeadcount")).ToHaveValueAsync("36");
        await page.Locator("#create-visit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Visits/Details/\d+$"));
        var visitId = Regex.Match(page.Url, @"/Visits/Details/(\d+)$").Groups[1].Value;
        await page.Locator("#confirm-visit").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-visit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#programme-contact")).ToContainTextAsync(ContactEmail);
        return visitId;
    }

    /// <summary>Staff add the address, the contacts on the day and the roster deadline, and send the
    /// programme.</summary>
    private static async Task SendTheProgrammeAsync(IPage page, string visitId)
    {
        await page.Locator("#edit-programme").ClickAsync();
        await page.Locator("#Input_VenueAddress").FillAsync("Jongno-gu, Seoul, Republic of Korea");
        await page.Locator("#Input_DayContacts").FillAsync("WeGO Secretariat front desk: +82 2 0000 0000");
        await page.Locator("#Input_RosterDeadline").FillAsync("2024-10-02");
        await page.Locator("#save-programme").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/Visits/Details/{visitId}"));
        await page.Locator("#send-programme").ClickAsync();
        await Assertions.Expect(page.Locator("#programme-sent")).ToContainTextAsync("2024");
    }

    /// <summary>The programme's mail as the outbox holds it, shown in the contact's browser for the picture; returns
    /// the delegation page's link it carries.</summary>
    private async Task<string> DelegationLinkFromTheMailAsync(IPage page)
    {
        var mail = await Portal.WithDbAsync(db =>
            db.OutboxMessages.AsNoTracking().Where(m => m.To == ContactEmail && m.AttachmentName != null).SingleAsync()
        );
        Assert.Equal("es", mail.Language);
        Assert.EndsWith(".ics", mail.AttachmentName, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", mail.AttachmentContent, StringComparison.Ordinal);
        var link = DelegationLink().Match(mail.Body).Value;
        Assert.NotEmpty(link);

        await page.SetContentAsync(
            $"""
            <html lang="es"><body style="font-family: sans-serif; max-width: 60rem; margin: 1rem">
            <p><b>Para:</b> {WebUtility.HtmlEncode(mail.To)}<br><b>Asunto:</b> {WebUtility.HtmlEncode(mail.Subject)}
            <br><b>Adjunto:</b> {WebUtility.HtmlEncode(mail.AttachmentName)}</p>
            <pre style="white-space: pre-wrap">{WebUtility.HtmlEncode(mail.Body)}</pre></body></html>
            """
        );
        await KeepScreenshotAsync(page, "programme-mail.png");
        return link;
    }

    /// <summary>The contact opens the delegation page and enters three delegates, the head first.</summary>
    private static async Task EnterTheDelegatesAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(page.Locator("#delegation-when")).ToContainTextAsync("octubre");
        await Assertions
            .Expect(page.Locator("#delegation-map"))
            .ToHaveAttributeAsync("href", new Regex("openstreetmap"));

        await AddDelegateAsync(page, "Councillor", Delegates[0], "HeadOfDelegation", "Halal");
        await AddDelegateAsync(page, "Puan", Delegates[1], "Delegate", null);
        await AddDelegateAsync(page, null, Delegates[2], "Interpreter", null);
        var rows = page.Locator("#delegation-roster tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToContainTextAsync(Delegates[0]);
        await KeepScreenshotAsync(page, "delegation-page.png");
    }

    private static async Task AddDelegateAsync(IPage page, string? honorific, string name, string role, string? diet)
    {
        var before = await page.Locator("#delegation-roster tbody tr").CountAsync();
        if (honorific is not null)
        {
            await page.Locator("#Input_Honorific").FillAsync(honorific);
        }

        await page.Locator("#Input_FullName").FillAsync(name);
        await page.Locator("#Input_Role").SelectOptionAsync(role);
        await page.Locator("#Input_Organization").FillAsync(City);
        if (diet is not null)
        {
            await page.Locator("#Input_DietaryNeeds").FillAsync(diet);
        }

        await page.Locator("#save-delegate").ClickAsync();
        await Assertions.Expect(page.Locator("#delegation-roster tbody tr")).ToHaveCountAsync(before + 1);
    }

    /// <summary>A sheet of badges and one of place cards, in the order of precedence, Korean and Latin names
    /// alike.</summary>
    private static async Task PrintBadgesAndPlaceCardsAsync(IPage page, string visitId)
    {
        await page.GotoAsync($"/Visits/Badges/{visitId}");
        var badges = page.Locator(".name-badge");
        await Assertions.Expect(badges).ToHaveCountAsync(3);
        await Assertions.Expect(badges.First).ToContainTextAsync("Councillor " + Delegates[0]);
        await Assertions.Expect(badges.Nth(2)).ToContainTextAsync(Delegates[2]);
        await KeepScreenshotAsync(page, "name-badges.png");
        await page.PdfAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "name-badges.pdf") });

        await page.GotoAsync($"/Visits/PlaceCards/{visitId}");
        await Assertions.Expect(page.Locator(".place-card")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".place-card").First).ToContainTextAsync(Delegates[0]);
        await KeepScreenshotAsync(page, "place-cards.png");
    }

    /// <summary>Check-in on a 375 px wide phone: two of the three arrive.</summary>
    private static async Task CheckInAsync(IPage page, string visitId)
    {
        await page.GotoAsync($"/Visits/CheckIn/{visitId}");
        await Assertions.Expect(page.Locator("#announced")).ToContainTextAsync("36");
        await Assertions.Expect(page.Locator("#arrived-count")).ToContainTextAsync("0");
        foreach (var name in Delegates.Take(2))
        {
            var row = page.Locator(".check-in-row").Filter(new() { HasText = name });
            await row.Locator("button.check-in-button").ClickAsync();
            await Assertions.Expect(row).ToHaveClassAsync(new Regex("arrived"));
        }

        await Assertions.Expect(page.Locator("#arrived-count")).ToContainTextAsync("2");
        await Assertions.Expect(page.Locator(".check-in-row.arrived")).ToHaveCountAsync(2);
        await KeepScreenshotAsync(page, "check-in-phone.png");

        // The visit keeps both numbers: the one the city announced and the one that came.
        await page.GotoAsync($"/Visits/Details/{visitId}");
        await Assertions.Expect(page.Locator("#headcounts")).ToContainTextAsync("36 announced");
        await Assertions.Expect(page.Locator("#headcounts")).ToContainTextAsync("2 of 3 arrived");
    }

    private async Task<IPage> NewPageAsync(string locale, string timeZone, int width)
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = locale,
                TimezoneId = timeZone,
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
            }
        );
        return await context.NewPageAsync();
    }

    private static async Task ChooseLanguageAsync(IPage page, string nativeName, string language)
    {
        await page.Locator("#language-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = nativeName }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    [GeneratedRegex(@"/delegation/[A-Za-z0-9_-]{43}")]
    private static partial Regex DelegationLink();
}
