using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>Issue 13's journey, the line the seed draws to its end: Seremban's official, in Spanish, sends the
/// inquiry, then the signed application form through the status link; staff open and accept the application (the
/// city is an Associate member); the Executive Committee approves it; the public directory lists Seremban as a Full
/// member in Asia and the Pacific, and the official's status link says so.</summary>
public sealed class MembershipApplicationJourney(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true }, durations)
{
    private const string City = "Seremban City Council";

    [ChromiumFact]
    public async Task Seremban_applies_in_Spanish_is_accepted_approved_by_the_Committee_and_listed_as_a_Full_member()
    {
        using var timing = Timed();
        var official = await NewPageAsync("es-ES", "Asia/Kuala_Lumpur");
        var statusLink = await SendTheInquiryAsync(official);

        var staff = await NewPageAsync("en-GB", "Asia/Seoul");
        await SignInAsync(staff, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await staff.Locator("#nav-membership-menu").ClickAsync();
        await staff.Locator("#nav-inquiries").ClickAsync();
        await staff.Locator("#inquiries-table tbody tr a").First.ClickAsync();
        await staff.Locator("#start-application").ClickAsync();
        await Assertions.Expect(staff).ToHaveURLAsync(new Regex(@"/Membership/Applications/Details/\d+$"));
        await Assertions.Expect(staff.Locator("#no-documents")).ToBeVisibleAsync();
        var application = staff.Url;

        // The official sends the signed form from the status page, in Spanish.
        await official.GotoAsync(statusLink);
        await Assertions.Expect(official.Locator("#application-state")).ToHaveTextAsync("Recibida");
        await official
            .Locator("#Upload_File")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "Formulario de solicitud firmado.pdf",
                    MimeType = "application/pdf",
                    Buffer = TestData.SignedFormPdf,
                }
            );
        await official.Locator("#send-document button[type=submit]").ClickAsync();
        await Assertions
            .Expect(official.Locator("#flash"))
            .ToContainTextAsync("la Secretaría ha recibido su documento");
        await Assertions
            .Expect(official.Locator("#sent-documents"))
            .ToContainTextAsync("Formulario de solicitud firmado.pdf");
        await KeepScreenshotAsync(official, "application-status-es.png");

        // Staff check the form and accept it: Seremban is an Associate member from today.
        await staff.GotoAsync(application);
        await Assertions
            .Expect(staff.Locator("#document-list"))
            .ToContainTextAsync("Formulario de solicitud firmado.pdf");
        await staff.GetByLabel("Signed by the Mayor or an authorised representative").CheckAsync();
        await staff.GetByLabel("The signatory's authority is confirmed").CheckAsync();
        await staff.GetByLabel("The contact is confirmed").CheckAsync();
        await staff.Locator("#checklist-form button[type=submit]").ClickAsync();
        await staff.Locator("#accept-application").ClickAsync();
        await Assertions
            .Expect(staff.Locator("#application-state"))
            .ToHaveTextAsync("Accepted, awaiting the Executive Committee");
        await KeepScreenshotAsync(staff, "application-accepted.png");

        // The Executive Committee meets today and approves Seremban as a Full member.
        await staff.GotoAsync("/Membership/Committee/Schedule");
        await staff
            .Locator("#Input_HeldOn")
            .FillAsync(
                DateTime.UtcNow.AddHours(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            );
        await staff.Locator("#Input_Place").FillAsync("WeGO Secretariat, Seoul");
        await staff.Locator("#Input_MembersPresent").FillAsync("The Chair\nThe Vice-Chair\nSeven members");
        await staff.Locator("#schedule-form button[type=submit]").ClickAsync();
        await staff.Locator("#pending button").First.ClickAsync();
        await Assertions.Expect(staff.Locator("#agenda")).ToContainTextAsync($"Full membership for {City}");
        await KeepScreenshotAsync(staff, "committee-agenda.png");
        await staff.Locator("select[name='Decision.Decision']").SelectOptionAsync("Approved");
        await staff
            .Locator("textarea[name='Decision.Resolution']")
            .FillAsync("The Executive Committee approves Seremban City Council as a Full member of WeGO.");
        await staff.Locator("#agenda form button[type=submit]").ClickAsync();
        await Assertions.Expect(staff.Locator("#agenda [data-decision=Approved]")).ToBeVisibleAsync();
        await KeepScreenshotAsync(staff, "committee-minutes.png");

        // The public directory, in Spanish, lists Seremban as a Full member in Asia and the Pacific.
        await official.GotoAsync("/members");
        var row = official.Locator("#directory tbody tr").Filter(new() { HasText = City });
        await Assertions.Expect(row).ToContainTextAsync("Miembro de pleno derecho");
        await Assertions.Expect(row).ToContainTextAsync("Malasia");
        await Assertions
            .Expect(official.Locator("#region-chart [data-region=AsiaPacific] .region-count"))
            .ToHaveTextAsync("1");
        await KeepScreenshotAsync(official, "directory-es.png");

        await official.GotoAsync(statusLink);
        await Assertions.Expect(official.Locator("#membership")).ToContainTextAsync("Miembro de pleno derecho");
        await Assertions
            .Expect(official.Locator("#application-timeline [aria-current=step]"))
            .ToHaveTextAsync("Miembro de pleno derecho");
    }

    /// <summary>
    /// The membership inquiry, in Spanish, as the official sends it; returns the private status link.
    /// </summary>
    private static async Task<string> SendTheInquiryAsync(IPage page)
    {
        await page.GotoAsync("/Membership/Join");
        await page.Locator("#Input_OrganizationName").FillAsync(City);
        // The Spanish page names the countries in Spanish.
        await page.Locator("#Input_CountryCode").SelectOptionAsync(new SelectOptionValue { Label = "Malasia" });
        await page.Locator("#Input_Kind").SelectOptionAsync(new SelectOptionValue { Label = "Gobierno local" });
        await page.Locator("#Input_ContactName").FillAsync("Lee Kai Yet");
        await page.Locator("#Input_Email").FillAsync("lee.kaiyet@example.org");
        await page.Locator("#Input_PreferredLanguage").SelectOptionAsync("es");
        await page.GetByLabel("Acepto que WeGO guarde los datos").CheckAsync();
        await page.Locator("#join-submit").ClickAsync();
        return await page.Locator("#status-link").GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The status link has no address.");
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
}
