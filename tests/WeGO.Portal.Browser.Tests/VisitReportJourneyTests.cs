using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Browser.Tests;

/// <summary>Issue 5's journey on the Seremban visit as it took place (made for the test: the demo's visit already has
/// its approved report and releases): a Secretariat member writes and submits the visit report,
/// the Program Director sends it back with a comment from her review queue, the author edits and resubmits, the
/// director approves it, the author drafts the Spanish news release from it and publishes it, and a reader who
/// is not signed in finds it on /news with the visit's facts.</summary>
public sealed class VisitReportJourneyTests(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true }, durations)
{
    private const string Password = "Journey-Password-2024";
    private const string AuthorEmail = "nur.aisyah@tests.wego";
    private const string Author = "Nur Aisyah";
    private const string DirectorEmail = "lii.inn.tan@tests.wego";
    private const string Director = "Lii Inn Tan";
    private const string City = "Seremban City Council";

    private const string Summary =
        "Councillor Lee Kai Yet led a delegation of 36 from Seremban City Council to the Secretariat in Seoul.";
    private const string Outcomes = "Seremban will consider applying for WeGO membership.";
    private const string ChangesAsked = "Please name the follow-up on the feasibility study in the outcomes.";
    private const string OutcomesRevised =
        Outcomes + " The Secretariat will propose feasibility-study options by 8 November 2024.";

    /// <summary>Set WEGO_SCREENSHOTS=1 to refresh the README's pictures in docs/screenshots/.</summary>
    private static readonly bool TakeScreenshots = Environment.GetEnvironmentVariable("WEGO_SCREENSHOTS") == "1";

    [ChromiumFact]
    public async Task A_report_goes_from_staff_to_the_director_and_back_is_approved_and_becomes_a_Spanish_news_release()
    {
        using var timing = Timed();
        await Portal.SerembanVisitToReportAsync(c => c with { OrganizationName = City });
        await CreateStaffAsync(AuthorEmail, Author, Roles.SecretariatStaff);
        await CreateStaffAsync(DirectorEmail, Director, Roles.ProgramDirector);
        var staff = await SignedInPageAsync(AuthorEmail, "en-GB");
        var director = await SignedInPageAsync(DirectorEmail, "en-GB");

        var reportUrl = await WriteAndSubmitTheReportAsync(staff);
        await RequestChangesAsync(director);
        await ReviseAndResubmitAsync(staff, reportUrl);
        await ApproveAsync(director);
        await DraftAndPublishTheSpanishReleaseAsync(staff, reportUrl);
        await ReadTheReleaseAnonymouslyAsync();
    }

    /// <summary>From the visit page: the report is started, written (the editor autosaves what was typed) and
    /// submitted. Returns the report's address.</summary>
    private static async Task<string> WriteAndSubmitTheReportAsync(IPage page)
    {
        await page.Locator("#nav-visits-menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Visit list" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = City }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#visit-title")).ToHaveTextAsync(City);

        // The demo visit took place on 7 October 2024; confirm and complete it if it is not yet recorded as such.
        if (await page.Locator("#confirm-visit").CountAsync() > 0)
        {
            await page.Locator("#confirm-visit").ClickAsync();
            await Assertions.Expect(page.Locator("#visit-status")).ToHaveTextAsync("Confirmed");
        }

        if (await page.Locator("#complete-visit").CountAsync() > 0)
        {
            await page.Locator("#complete-visit").ClickAsync();
        }

        await Assertions.Expect(page.Locator("#visit-status")).ToHaveTextAsync("Completed");

        // The editor saves every 20 seconds. The page's clock stands still from here until the test moves it on, so a
        // slow machine cannot let the autosave run before the test has seen the unsaved state.
        await page.Clock.PauseAtAsync(
            DateTimeOffset
                .FromUnixTimeMilliseconds((long)await page.EvaluateAsync<double>("() => Date.now() + 1000"))
                .UtcDateTime
        );
        await page.Locator("#write-report").ClickAsync();
        await page.Locator("#start-report-button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Reports/Edit/\d+$"));
        await Assertions.Expect(page.Locator("#Input_Participants")).ToContainTextAsync("Lee Kai Yet");

        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync(Summary);
        var status = page.Locator("#autosave-status");
        await Assertions.Expect(status).ToHaveTextAsync("Unsaved changes");

        await page.Clock.RunForAsync(21_000);
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(status).ToHaveTextAsync(new Regex(@"^Saved at \d{1,2}:\d{2}"));
        await page.Clock.ResumeAsync();

        await page.GetByLabel("Outcomes", new() { Exact = true }).FillAsync(Outcomes);
        await page.Locator("#submit-report").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Reports/Details/\d+$"));
        await Assertions.Expect(page.Locator("#report-state")).ToHaveTextAsync("Awaiting review");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(Summary);
        return page.Url;
    }

    /// <summary>The director finds the report on her dashboard and in her queue, and sends it back with a
    /// comment.</summary>
    private static async Task RequestChangesAsync(IPage page)
    {
        await page.GotoAsync("/Dashboard");
        await Assertions.Expect(page.Locator("#reports-awaiting-review")).ToHaveTextAsync("1");

        // The year of the visit, so the charts have the Seremban visit to show.
        await page.Locator("#period-from").FillAsync("2024-01-01");
        await page.Locator("#period-to").FillAsync("2024-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#visits-in-period")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#reports-awaiting-review")).ToHaveTextAsync("1");
        await ScreenshotAsync(page, "dashboard.png");

        await OpenFromTheQueueAsync(page);
        await ScreenshotAsync(page, "report-review.png");

        await page.GetByLabel("What should change?").FillAsync(ChangesAsked);
        await page.Locator("#request-changes-button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reports/Queue$"));
        await Assertions.Expect(page.Locator("#queue-empty")).ToBeVisibleAsync();
    }

    /// <summary>The author sees the director's comment, edits the outcomes and submits again.</summary>
    private static async Task ReviseAndResubmitAsync(IPage page, string reportUrl)
    {
        await page.GotoAsync(reportUrl);
        await Assertions.Expect(page.Locator("#report-state")).ToHaveTextAsync("Changes requested");
        await Assertions.Expect(page.Locator("#comments")).ToContainTextAsync(ChangesAsked);

        await page.Locator("#edit-report").ClickAsync();
        var request = page.Locator("#changes-requested");
        await Assertions.Expect(request).ToContainTextAsync($"{Director} asked for changes:");
        await Assertions.Expect(request).ToContainTextAsync(ChangesAsked);
        await Assertions.Expect(page.GetByLabel("Summary", new() { Exact = true })).ToHaveValueAsync(Summary);

        await page.GetByLabel("Outcomes", new() { Exact = true }).FillAsync(OutcomesRevised);
        await page.Locator("#submit-report").ClickAsync();
        await Assertions.Expect(page.Locator("#report-state")).ToHaveTextAsync("Awaiting review");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(OutcomesRevised);
    }

    private static async Task ApproveAsync(IPage page)
    {
        await OpenFromTheQueueAsync(page);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(OutcomesRevised);
        await page.Locator("#approve-report").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Reports/Details/\d+$"));
        await Assertions.Expect(page.Locator("#report-state")).ToHaveTextAsync("Approved");
        await Assertions.Expect(page.Locator("#report-byline")).ToContainTextAsync($"Approved by {Director}");
    }

    private static async Task OpenFromTheQueueAsync(IPage page)
    {
        await page.GotoAsync("/Reports/Queue");
        var row = page.Locator("#review-queue tbody tr").Filter(new() { HasText = City });
        await Assertions.Expect(row).ToContainTextAsync(Author);
        await row.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Reports/Review/\d+$"));
        await Assertions.Expect(page.Locator("#decision")).ToBeVisibleAsync();
    }

    /// <summary>The release is drafted from the approved report's facts, in Spanish, and published.</summary>
    private static async Task DraftAndPublishTheSpanishReleaseAsync(IPage page, string reportUrl)
    {
        await page.GotoAsync(reportUrl);
        await Assertions.Expect(page.Locator("#report-read-only")).ToBeVisibleAsync();

        await page.Locator("#draft-news-release").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/News/Draft\?reportId=\d+$"));
        await page.Locator("#language-es").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Write the draft" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/News/Edit/\d+$"));
        var preview = page.Locator("#release");
        await Assertions.Expect(preview).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(preview).ToContainTextAsync("36");
        await Assertions.Expect(page.Locator("#release-state")).ToContainTextAsync("Draft");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish this language version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#release-state")).ToContainTextAsync("Published");
        await Assertions.Expect(page.Locator("#publish-release")).ToHaveCountAsync(0);
    }

    /// <summary>A Spanish-speaking reader, not signed in, finds the release on /news and reads the visit's
    /// facts.</summary>
    private async Task ReadTheReleaseAnonymouslyAsync()
    {
        var context = await NewContextAsync("es-ES");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/news");
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Noticias", Exact = true }))
            .ToBeVisibleAsync();

        var item = page.Locator("#news > li").Filter(new() { HasText = "Seremban" });
        await Assertions.Expect(item).ToHaveAttributeAsync("lang", "es");
        await item.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/news/[a-z0-9-]+$"));
        await Assertions.Expect(page.Locator("#shown-in")).ToHaveCountAsync(0);
        var release = page.Locator("#release");
        await Assertions.Expect(release).ToHaveAttributeAsync("lang", "es");
        foreach (var fact in new[] { "36", "Seremban", "Jeong-kee Kim", "Lii Inn Tan" })
        {
            await Assertions.Expect(release).ToContainTextAsync(fact);
        }

        await ScreenshotAsync(page, "news-release.png");
    }

    /// <summary>A staff account with a display name, as an administrator would set it up.</summary>
    private async Task CreateStaffAsync(string email, string name, string role)
    {
        var id = await Portal.CreateStaffAsync(email, Password, role);
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"{email} was not created.");
        user.DisplayName = name;
        await users.UpdateAsync(user);
    }

    /// <summary>A browser of its own (cookies apart from the other people's), in Seoul, with a clock the test can move
    /// on.</summary>
    private async Task<IBrowserContext> NewContextAsync(string locale)
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = locale,
                TimezoneId = "Asia/Seoul",
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            }
        );
        await context.Clock.InstallAsync();
        return context;
    }

    private async Task<IPage> SignedInPageAsync(string email, string locale)
    {
        var page = await (await NewContextAsync(locale)).NewPageAsync();
        await SignInAsync(page, email, Password);
        return page;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (TakeScreenshots)
        {
            await page.ScreenshotAsync(
                new() { Path = RepositoryFiles.PathOf("docs", "screenshots", name), FullPage = true }
            );
        }
    }
}
