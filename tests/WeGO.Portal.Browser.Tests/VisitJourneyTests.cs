using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;
using IcsCalendar = Ical.Net.Calendar;

namespace WeGO.Portal.Browser.Tests;

/// <summary>The scenario's visit, put together by a staff member in the browser on an empty portal: schedule the
/// Seremban City Council's visit of 7 October 2024, enter its roster, build the agenda, write down the follow-ups,
/// confirm it, and take it to a calendar as an .ics file.</summary>
public sealed class VisitJourneyTests(TestDurations durations)
    : BrowserJourney(new PortalFactory { ListenOnLoopback = true, SeedDemo = false }, durations)
{
    private const string City = "Seremban City Council";
    private const string ProgramDirector = "Lii Inn Tan";

    private static readonly string[] AgendaTitles =
    [
        "Welcome address",
        "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0",
        "WeGO's activities, vision and flagship programmes",
        "Questions and answers",
    ];

    [ChromiumFact]
    public async Task Staff_schedule_Seremban_fill_in_roster_agenda_follow_ups_confirm_and_download_it_as_a_calendar()
    {
        using var timing = Timed();
        // The Program Director has an account; the Secretary General is named as an "other host".
        await Portal.SendAsync(
            new CreateStaffUser.Command
            {
                Email = "lii.inn.tan@tests.wego",
                DisplayName = ProgramDirector,
                Roles = [Roles.ProgramDirector],
            }
        );
        var page = await SignedInPageAsync();

        var visitUrl = await ScheduleTheVisitAsync(page);
        await EnterTheRosterAsync(page);
        await BuildTheAgendaAsync(page);
        await AddTheFollowUpsAsync(page);

        await page.Locator("#confirm-visit").ClickAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(page.Locator("#confirm-visit")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(visitUrl);
        await ScreenshotAsync(page, "journey-visit-page.png");

        await CheckTheCalendarFileAsync(page);
        await CheckTheCalendarMonthAsync(page);
        await CheckTheVisitsListAsync(page);
    }

    /// <summary>A Secretariat member's browser: English, in Seoul.</summary>
    private async Task<IPage> SignedInPageAsync()
    {
        var context = await NewBrowserContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = Portal.RootUri.ToString(),
                Locale = "en-GB",
                TimezoneId = "Asia/Seoul",
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            }
        );
        var page = await context.NewPageAsync();
        await SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return page;
    }

    /// <summary>Visits → Schedule a visit, the form filled as the Secretariat would; returns the new visit's
    /// address.</summary>
    private static async Task<string> ScheduleTheVisitAsync(IPage page)
    {
        await page.Locator("#nav-visits-menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Visit list" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a visit" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Visits/Schedule$"));

        await page.GetByLabel("City or organisation").FillAsync(City);
        await page.GetByLabel("Name in the local language").FillAsync("Majlis Bandaraya Seremban");
        await page.GetByLabel("Country", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Malaysia" });

        // A date in the past: the visit is entered after the fact, which the portal accepts.
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2024-10-07");
        await page.GetByLabel("Start time").FillAsync("10:00");
        await page.GetByLabel("End time").FillAsync("12:00");
        await page.GetByLabel("Time zone").SelectOptionAsync("Asia/Seoul");
        await page.GetByLabel("Venue").FillAsync("WeGO Secretariat, Seoul");
        await page.GetByLabel("Purpose")
            .FillAsync(
                "Introduce WeGO's operations worldwide and discuss collaboration "
                    + "towards Seremban becoming a WeGO member."
            );

        await page.GetByLabel(ProgramDirector).CheckAsync();
        await page.GetByLabel("Other host", new() { Exact = true }).FillAsync("Jeong-kee Kim");
        await page.GetByLabel("Other host's title").FillAsync("Secretary General");

        await page.GetByLabel("Head of delegation", new() { Exact = true }).FillAsync("Lee Kai Yet");
        await page.GetByLabel("Head of delegation's title").FillAsync("Councillor");
        await page.GetByLabel("Expected number of delegates").FillAsync("36");
        await page.GetByLabel("Languages").FillAsync("Malay, English");
        await ScreenshotAsync(page, "journey-schedule-form.png");

        await page.Locator("#schedule-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Visits/Details/\d+$"));
        await Assertions.Expect(page.Locator("#visit-title")).ToHaveTextAsync(City);
        await Assertions.Expect(page.GetByText("Majlis Bandaraya Seremban")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveTextAsync("Requested");
        await Assertions.Expect(page.Locator("#visit-when")).ToContainTextAsync("7 Oct 2024, 10:00–12:00");
        await Assertions.Expect(page.Locator("#visit-when")).ToContainTextAsync("(Seoul)");
        await Assertions.Expect(page.Locator("#visit-when-viewer")).ToHaveCountAsync(0);
        await Assertions
            .Expect(page.Locator("#visit-hosts li"))
            .ToHaveTextAsync([ProgramDirector, "Jeong-kee Kim, Secretary General"]);
        await Assertions.Expect(page.Locator("#head-of-delegation")).ToHaveTextAsync("Lee Kai Yet");
        await Assertions.Expect(page.Locator("#headcount")).ToHaveTextAsync("36");
        return page.Url;
    }

    /// <summary>The head of delegation and three delegates go on the roster; from then on the roster is the
    /// headcount.</summary>
    private static async Task EnterTheRosterAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage roster" }).ClickAsync();
        await Assertions.Expect(page.Locator("#roster-empty")).ToBeVisibleAsync();

        (string Name, string Role, string Title)[] delegation =
        [
            ("Lee Kai Yet", "Head of delegation", "Councillor"),
            ("Nur Aisyah Binti Rahman", "Delegate", "Council member"),
            ("Tan Wei Ming", "Delegate", "Director of Urban Planning"),
            ("Siti Zulaikha Binti Hassan", "Delegate", "Smart City Unit officer"),
        ];
        var count = 0;
        foreach (var (name, role, title) in delegation)
        {
            var form = page.Locator("#member-form");
            await form.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await form.GetByLabel("Role", new() { Exact = true })
                .SelectOptionAsync(new SelectOptionValue { Label = role });
            await form.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
            await form.GetByLabel("Organisation", new() { Exact = true }).FillAsync(City);
            await form.GetByRole(AriaRole.Button, new() { Name = "Add to the roster" }).ClickAsync();

            await Assertions.Expect(page.Locator("#flash")).ToHaveTextAsync($"{name} was added to the roster.");
            await Assertions.Expect(page.Locator("#roster tbody tr")).ToHaveCountAsync(++count);
        }

        await Assertions.Expect(page.Locator("#headcount")).ToHaveTextAsync("4");
        await Assertions
            .Expect(page.Locator(".roster-headcount"))
            .ToContainTextAsync("counted from the roster (36 announced)");
        await Assertions.Expect(page.Locator("#roster tbody tr").First).ToContainTextAsync("Head of delegation");
        await ScreenshotAsync(page, "journey-roster.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#headcount")).ToHaveTextAsync("4");
        await Assertions.Expect(page.Locator("#head-of-delegation")).ToHaveTextAsync("Lee Kai Yet");
    }

    /// <summary>The scenario's four items, in order, each in its time slot; the visit page lists them in that
    /// order.</summary>
    private static async Task BuildTheAgendaAsync(IPage page)
    {
        await page.Locator("#edit-agenda").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Visits/Agenda/\d+$"));

        (string From, string To, string Title, string? Speaker)[] items =
        [
            ("10:00", "10:10", AgendaTitles[0], "Jeong-kee Kim, Secretary General"),
            ("10:10", "10:50", AgendaTitles[1], "Councillor Lee Kai Yet"),
            ("10:50", "11:30", AgendaTitles[2], "Lii Inn Tan, Program Director"),
            ("11:30", "12:00", AgendaTitles[3], null),
        ];
        var count = 0;
        foreach (var (from, to, title, speaker) in items)
        {
            var form = page.Locator("#add-agenda-item");
            await form.GetByLabel("From").FillAsync(from);
            await form.GetByLabel("To", new() { Exact = true }).FillAsync(to);
            await form.GetByLabel("Title").FillAsync(title);
            await form.GetByLabel("Speaker").FillAsync(speaker ?? "");
            await form.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#agenda-items > li")).ToHaveCountAsync(++count);
        }

        await Assertions.Expect(page.Locator("#agenda-items .fw-semibold")).ToHaveTextAsync(AgendaTitles);
        await Assertions.Expect(page.Locator("#agenda-warning")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "journey-agenda.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#agenda li .fw-semibold")).ToHaveTextAsync(AgendaTitles);
        await Assertions
            .Expect(page.Locator("#agenda .agenda-time"))
            .ToHaveTextAsync(["10:00–10:10", "10:10–10:50", "10:50–11:30", "11:30–12:00"]);
        await Assertions.Expect(page.Locator("#agenda li").Nth(1)).ToContainTextAsync("Councillor Lee Kai Yet");
    }

    /// <summary>Two follow-ups: one for the Program Director's account, one for someone named by hand.</summary>
    private static async Task AddTheFollowUpsAsync(IPage page)
    {
        await AddFollowUpAsync(
            page,
            "Send membership information and application",
            owner: "Jeong-kee Kim",
            colleague: false,
            due: "2024-10-18"
        );
        await AddFollowUpAsync(
            page,
            "Share member cases on urban planning and inclusion",
            owner: ProgramDirector,
            colleague: true,
            due: "2024-10-31"
        );

        var followUps = page.Locator("#follow-ups > li");
        await Assertions.Expect(followUps).ToHaveCountAsync(2);
        await Assertions
            .Expect(followUps.Filter(new() { HasText = "Send membership information and application" }))
            .ToContainTextAsync("Jeong-kee Kim");
        await Assertions
            .Expect(followUps.Filter(new() { HasText = "Share member cases on urban planning and inclusion" }))
            .ToContainTextAsync(ProgramDirector);
        // Both are open and, due in October 2024, overdue by the portal's clock: the visit page says so, as the
        // follow-up pages do.
        await Assertions.Expect(followUps.Filter(new() { HasText = "Overdue" })).ToHaveCountAsync(2);
    }

    private static async Task AddFollowUpAsync(IPage page, string description, string owner, bool colleague, string due)
    {
        await page.Locator("#add-follow-up").ClickAsync();
        var form = page.Locator("form#add-follow-up");
        await form.GetByLabel("What needs doing").FillAsync(description);
        if (colleague)
        {
            await form.GetByLabel("A colleague").SelectOptionAsync(new SelectOptionValue { Label = owner });
        }
        else
        {
            await form.GetByLabel("A colleague")
                .SelectOptionAsync(new SelectOptionValue { Label = "Someone else (type the name)" });
            await form.GetByLabel("Someone else's name").FillAsync(owner);
        }

        await form.GetByLabel("Due date").FillAsync(due);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add follow-up" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#follow-ups > li").Filter(new() { HasText = description }))
            .ToBeVisibleAsync();
    }

    /// <summary>"Add to calendar" gives an iCalendar file a calendar app reads as the confirmed visit at 10:00 in
    /// Seoul.</summary>
    private static async Task CheckTheCalendarFileAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" }).ClickAsync()
        );
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var calendar = IcsCalendar.Load(await File.ReadAllTextAsync(path))!;

        var visitEvent = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2024, 10, 7, 1, 0, 0, DateTimeKind.Utc), visitEvent.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2024, 10, 7, 3, 0, 0, DateTimeKind.Utc), visitEvent.DtEnd!.AsUtc);
        Assert.Contains(City, visitEvent.Summary, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", visitEvent.Status);
    }

    private static async Task CheckTheCalendarMonthAsync(IPage page)
    {
        await page.GotoAsync("/Visits/Calendar?date=2024-10-07");
        await Assertions.Expect(page.Locator("#calendar-period")).ToHaveTextAsync("October 2024");
        var day = page.Locator("#day-2024-10-07");
        await Assertions.Expect(day.Locator(".calendar-city")).ToHaveTextAsync(City);
        await Assertions.Expect(day.Locator(".calendar-status")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(page.Locator(".calendar-visit")).ToHaveCountAsync(1);
        // The feed address carries the user's private token: keep it out of the picture.
        await page.ScreenshotAsync(
            new()
            {
                Path = Path.Combine(Browser.ScreenshotFolder, "journey-calendar-month.png"),
                FullPage = true,
                Mask = [page.Locator("#feed-address")],
            }
        );
    }

    private static async Task CheckTheVisitsListAsync(IPage page)
    {
        await page.Locator("#nav-visits-menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Visit list" }).ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = City });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = link });
        await Assertions.Expect(row).ToContainTextAsync("Confirmed");
        await Assertions.Expect(row).ToContainTextAsync("Malaysia");
        await ScreenshotAsync(page, "journey-visits-list.png");
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, name), FullPage = true });
}
