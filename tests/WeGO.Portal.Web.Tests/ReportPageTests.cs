using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The report pages over HTTP, as staff and directors use them: a completed Seremban visit (each test's own),
/// its report written by staff and decided by a program director.</summary>
public sealed class ReportPageTests : IClassFixture<ClockedPortalFixture>
{
    private const string Password = "Colleague-Password-2024";
    private static readonly DateTimeOffset DayAfterTheVisit = new(2024, 10, 8, 1, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal;

    // The test's own colleagues (xunit makes the class anew for each test): unique names on the shared portal.
    private readonly string mina = TestData.Unique("mina").Replace(' ', '-');
    private readonly string lii = TestData.Unique("lii").Replace(' ', '-');
    private readonly string jiho = TestData.Unique("jiho").Replace(' ', '-');

    public ReportPageTests(ClockedPortalFixture portal)
    {
        this.portal = portal;
        portal.Clock.Now = DayAfterTheVisit;
    }

    private Task<int> VisitIdAsync() => portal.SerembanVisitToReportAsync();

    private Task<VisitReport> ReportAsync(int id) =>
        portal.WithDbAsync(db => db.VisitReports.AsNoTracking().SingleAsync(r => r.Id == id));

    private async Task<PortalClient> SignedInAsync(string email, string role, string? language = null)
    {
        await portal.CreateStaffAsync(email, Password, role);
        var client = PortalClient.For(portal, language);
        await client.SignInAsync(email, Password);
        return client;
    }

    private Task<PortalClient> StaffAsync(string? language = null) =>
        SignedInAsync($"{mina}@we-gov.org", Roles.SecretariatStaff, language);

    private Task<PortalClient> DirectorAsync() => SignedInAsync($"{lii}@we-gov.org", Roles.ProgramDirector);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] Fields(int version, string summary, string? attachments = null) =>
        [
            new("Input.Version", Number(version)),
            new("Input.Summary", summary),
            new("Input.Participants", "- Lee Kai Yet\n- Jeong-kee Kim"),
            new("Input.DelegationPresentation", "Malaysia Vision Valley 2.0"),
            new("Input.SecretariatPresentation", "WeGO's flagship programmes"),
            new("Input.TopicsRaised", "- Membership process"),
            new("Input.Outcomes", "Seremban looks forward to joining."),
            new("Input.AttachmentLinks", attachments ?? ""),
        ];

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(
            "/Account/AccessDenied",
            new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery,
            StringComparison.Ordinal
        );
    }

    /// <summary>Staff start the report from the visit page's link; returns the report's id.</summary>
    private static async Task<int> StartAsync(PortalClient staff, int visitId)
    {
        using var started = await staff.PostFormAsync($"/Reports/Start/{visitId}", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.StartsWith("/Reports/Edit/", location, StringComparison.Ordinal);
        return int.Parse(location["/Reports/Edit/".Length..], CultureInfo.InvariantCulture);
    }

    private static async Task<int> SubmittedAsync(
        PortalClient staff,
        int visitId,
        string summary = "The delegation of Seremban City Council visited the Secretariat."
    )
    {
        var id = await StartAsync(staff, visitId);
        using var submitted = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(0, summary),
            $"/Reports/Edit/{id}?handler=Submit"
        );
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/Reports/Details/{id}", submitted.Headers.Location!.OriginalString);
        return id;
    }

    [Fact]
    public async Task Staff_start_the_report_from_the_completed_visit_save_it_without_script_and_submit_it()
    {
        var visitId = await VisitIdAsync();
        var staff = await StaffAsync();
        Assert.Contains(
            $"href=\"/Reports/Start/{visitId}\"",
            await staff.GetPageAsync($"/Visits/Details/{visitId}"),
            StringComparison.Ordinal
        );

        var id = await StartAsync(staff, visitId);
        var editor = WebUtility.HtmlDecode(await staff.GetPageAsync($"/Reports/Edit/{id}"));
        Assert.Contains("- Lee Kai Yet, Councillor, Seremban City Council", editor, StringComparison.Ordinal);
        Assert.Contains("- Membership process", editor, StringComparison.Ordinal);
        Assert.Contains("/js/report-editor.js", editor, StringComparison.Ordinal);

        using var saved = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(0, "First draft", "https://we-gov.org/slides.pdf")
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Reports/Edit/{id}", saved.Headers.Location!.OriginalString);
        Assert.Equal(
            ("First draft", "Seremban looks forward to joining."),
            ((await ReportAsync(id)).Summary, (await ReportAsync(id)).Outcomes)
        );

        using var submitted = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(1, "Final text"),
            $"/Reports/Edit/{id}?handler=Submit"
        );
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var report = await ReportAsync(id);
        Assert.Equal((ReviewState.Submitted, "Final text"), (report.State, report.Summary));

        var page = await staff.GetPageAsync($"/Reports/Details/{id}");
        Assert.Contains("Version 1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"edit-report\"", page, StringComparison.Ordinal);
        Assert.Contains(
            $"href=\"/Reports/Details/{id}\"",
            await staff.GetPageAsync($"/Visits/Details/{visitId}"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_visit_that_is_not_completed_gets_no_report_and_the_page_says_why()
    {
        var visitId = await portal.ScheduleVisitAsync(c => c with { Date = new DateOnly(2024, 12, 4) });
        var staff = await StaffAsync();

        Assert.Contains(
            "can be written once the visit is completed",
            await staff.GetPageAsync($"/Reports/Start/{visitId}"),
            StringComparison.Ordinal
        );
        using var refused = await staff.PostFormAsync($"/Reports/Start/{visitId}", []);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "A report can only be written for a completed visit.",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.False(await portal.WithDbAsync(db => db.VisitReports.AnyAsync(r => r.VisitId == visitId)));
    }

    [Fact]
    public async Task A_second_report_for_the_same_visit_is_refused_and_the_first_opens_instead()
    {
        var visitId = await VisitIdAsync();
        var staff = await StaffAsync();
        var id = await StartAsync(staff, visitId);

        using var again = await staff.GetAsync($"/Reports/Start/{visitId}");
        Assert.Equal($"/Reports/Details/{id}", again.Headers.Location!.OriginalString);
        using var refused = await staff.PostFormAsync($"/Visits/Details/{visitId}", [], $"/Reports/Start/{visitId}");
        Assert.Contains(
            "This visit already has a report.",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(1, await portal.WithDbAsync(db => db.VisitReports.CountAsync(r => r.VisitId == visitId)));
    }

    [Fact]
    public async Task Autosave_returns_the_new_version_and_refuses_a_stale_one_with_a_conflict()
    {
        var staff = await StaffAsync();
        var id = await StartAsync(staff, await VisitIdAsync());

        using var first = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(0, "Autosaved draft"),
            $"/Reports/Edit/{id}?handler=Autosave"
        );
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var saved = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(1, saved.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("10:00", saved.RootElement.GetProperty("savedAt").GetString());

        using var stale = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(0, "From an older tab"),
            $"/Reports/Edit/{id}?handler=Autosave"
        );
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var conflict = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Contains(
            "someone else saved this report",
            conflict.RootElement.GetProperty("message").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal("Autosaved draft", (await ReportAsync(id)).Summary);

        using var invalid = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(1, "Draft", "javascript:alert(1)"),
            $"/Reports/Edit/{id}?handler=Autosave"
        );
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("is not a web address", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_writers_sees_the_first_ones_values_beside_their_own_and_nothing_is_lost_unseen()
    {
        var first = await StaffAsync();
        var second = await SignedInAsync($"{jiho}@we-gov.org", Roles.SecretariatStaff);
        var id = await StartAsync(first, await VisitIdAsync());
        var path = $"/Reports/Edit/{id}";
        KeyValuePair<string, string>[] Form(int version, string summary, string outcomes) =>
            [.. Fields(version, summary).Where(f => f.Key != "Input.Outcomes"), new("Input.Outcomes", outcomes)];

        using var firstSave = await first.PostFormAsync(path, Form(0, "Summary written by the first", ""));
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        using var secondSave = await second.PostFormAsync(path, Form(0, "", "Outcomes written by the second"));

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = new HtmlParser().ParseDocument(await secondSave.Content.ReadAsStringAsync());
        Assert.Equal(
            "Summary written by the first",
            page.QuerySelector("#saved-meanwhile-Input_Summary .saved-meanwhile-value")?.TextContent
        );
        Assert.Equal("", page.QuerySelector<IHtmlTextAreaElement>("#Input_Summary")!.Value);
        Assert.Equal(
            "Outcomes written by the second",
            page.QuerySelector<IHtmlTextAreaElement>("#Input_Outcomes")!.Value
        );
        Assert.Equal(
            "(empty)",
            page.QuerySelector("#saved-meanwhile-Input_Outcomes .saved-meanwhile-value")?.TextContent
        );
        Assert.Null(page.QuerySelector("#saved-meanwhile-Input_Participants"));
        Assert.Contains("Summary", page.QuerySelector("#changed-meanwhile")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector<IHtmlInputElement>("#report-version")!.Value);
        Assert.Equal("true", page.QuerySelector("#report-form")!.GetAttribute("data-saved-meanwhile"));
        // A page without a conflict autosaves: the script reads "true" alone as "wait for a deliberate save".
        var calm = new HtmlParser().ParseDocument(await first.GetPageAsync(path));
        Assert.NotEqual("true", calm.QuerySelector("#report-form")!.GetAttribute("data-saved-meanwhile"));
        Assert.Equal("Summary written by the first", (await ReportAsync(id)).Summary);

        // A Save from the older page again is refused the same way; only a Save from the page that showed their values
        // overwrites.
        using var again = await second.PostFormAsync(path, Form(0, "", "Outcomes written by the second"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var deliberate = await second.PostFormAsync(
            path,
            Form(1, "Summary written by the first", "Outcomes written by the second")
        );
        Assert.Equal(HttpStatusCode.Redirect, deliberate.StatusCode);
        Assert.Equal(
            ("Summary written by the first", "Outcomes written by the second"),
            ((await ReportAsync(id)).Summary, (await ReportAsync(id)).Outcomes)
        );
    }

    [Fact]
    public async Task A_stale_save_keeps_the_typed_text_and_takes_the_current_version_so_saving_again_overwrites()
    {
        var staff = await StaffAsync();
        var id = await StartAsync(staff, await VisitIdAsync());
        using var other = await staff.PostFormAsync($"/Reports/Edit/{id}", Fields(0, "A colleague's text"));

        using var stale = await staff.PostFormAsync($"/Reports/Edit/{id}", Fields(0, "My own text"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Someone else changed this record", page, StringComparison.Ordinal);
        Assert.Contains("My own text", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Version\" value=\"1\"", page, StringComparison.Ordinal);
        Assert.Equal("A colleague's text", (await ReportAsync(id)).Summary);
    }

    [Fact]
    public async Task Attachment_links_are_validated_on_save_and_shown_as_links()
    {
        var staff = await StaffAsync();
        var id = await StartAsync(staff, await VisitIdAsync());

        using var refused = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(0, "Draft", "https://we-gov.org/slides.pdf\nnot a link")
        );
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "\"not a link\" is not a web address",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        Assert.Null((await ReportAsync(id)).AttachmentLinks);

        using var saved = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(0, "Draft", "https://we-gov.org/slides.pdf\nhttp://example.org/photos?album=1&x=2")
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var document = new HtmlParser().ParseDocument(await staff.GetPageAsync($"/Reports/Details/{id}"));
        Assert.Equal(
            ["https://we-gov.org/slides.pdf", "http://example.org/photos?album=1&x=2"],
            document.QuerySelectorAll("#report-attachments a").Select(a => a.GetAttribute("href"))
        );
    }

    [Fact]
    public async Task Script_and_javascript_links_written_in_a_report_never_reach_the_page_as_live_markup()
    {
        var staff = await StaffAsync();
        var id = await StartAsync(staff, await VisitIdAsync());
        var hostile =
            "Fine **start**\n\n<script>alert('report')</script>\n\n"
            + "[click me](javascript:alert(1))\n\n<img src=x onerror=alert(2)>";
        using var saved = await staff.PostFormAsync($"/Reports/Edit/{id}", Fields(0, hostile));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var path in new[] { $"/Reports/Details/{id}", $"/Reports/Edit/{id}" })
        {
            var html = await staff.GetPageAsync(path);
            var document = new HtmlParser().ParseDocument(html);
            Assert.DoesNotContain(document.QuerySelectorAll("script"), s =>
                s.TextContent.Contains("alert", StringComparison.Ordinal)
            );
            Assert.Empty(document.QuerySelectorAll("img"));
            Assert.DoesNotContain(document.QuerySelectorAll("a"), a =>
                (a.GetAttribute("href") ?? "").StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            );
            Assert.DoesNotContain(document.All, e =>
                e.Attributes.Any(attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            );
        }

        var details = new HtmlParser().ParseDocument(await staff.GetPageAsync($"/Reports/Details/{id}"));
        Assert.NotNull(details.QuerySelector("#report-summary strong"));
    }

    [Fact]
    public async Task Staff_cannot_review_and_directors_cannot_write_start_or_submit()
    {
        var visitId = await VisitIdAsync();
        var staff = await StaffAsync();
        var id = await SubmittedAsync(staff, visitId);
        var director = await DirectorAsync();

        using (var queue = await staff.GetAsync("/Reports/Queue"))
        {
            AssertDenied(queue);
        }

        using (var review = await staff.GetAsync($"/Reports/Review/{id}"))
        {
            AssertDenied(review);
        }

        using (
            var approve = await staff.PostFormAsync(
                $"/Reports/Details/{id}",
                [new("Input.Version", "2")],
                $"/Reports/Review/{id}?handler=Approve"
            )
        )
        {
            AssertDenied(approve);
        }

        using (
            var edit = await director.PostFormAsync(
                $"/Reports/Details/{id}",
                Fields(2, "A director's text"),
                $"/Reports/Edit/{id}"
            )
        )
        {
            AssertDenied(edit);
        }

        using (
            var submit = await director.PostFormAsync(
                $"/Reports/Details/{id}",
                Fields(2, "A director's text"),
                $"/Reports/Edit/{id}?handler=Submit"
            )
        )
        {
            AssertDenied(submit);
        }

        using (var start = await director.PostFormAsync($"/Reports/Details/{id}", [], $"/Reports/Start/{visitId}"))
        {
            AssertDenied(start);
        }

        Assert.DoesNotContain("nav-review-queue", await staff.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(
            "id=\"edit-report\"",
            await director.GetPageAsync($"/Reports/Details/{id}"),
            StringComparison.Ordinal
        );
        Assert.Equal(ReviewState.Submitted, (await ReportAsync(id)).State);
    }

    [Fact]
    public async Task Editing_a_submitted_report_is_refused_with_a_message()
    {
        var staff = await StaffAsync();
        var id = await SubmittedAsync(staff, await VisitIdAsync());

        using var editor = await staff.GetAsync($"/Reports/Edit/{id}");
        Assert.Equal($"/Reports/Details/{id}", editor.Headers.Location!.OriginalString);
        using var refused = await staff.PostFormAsync(
            $"/Reports/Details/{id}",
            Fields(2, "Changed under review"),
            $"/Reports/Edit/{id}"
        );

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "This report can no longer be edited.",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.NotEqual("Changed under review", (await ReportAsync(id)).Summary);
    }

    [Fact]
    public async Task Directors_see_the_queue_with_age_and_count_send_a_report_back_and_approve_it_after_resubmission()
    {
        var staff = await StaffAsync();
        var visitId = await VisitIdAsync();
        var awaiting = await portal.SendAsync(new ListReportsAwaitingReview.Query());
        var id = await SubmittedAsync(staff, visitId);
        portal.Clock.Now = DayAfterTheVisit.AddDays(3);

        // Three days on, both sign in again (a sign-in lasts hours).
        await staff.SignInAsync($"{mina}@we-gov.org", Password);
        var director = await DirectorAsync();

        var queue = await director.GetPageAsync("/Reports/Queue");
        var row = new HtmlParser().ParseDocument(queue).QuerySelector($"#review-queue tr[data-report='{id}']");
        Assert.Equal("3 days", row?.QuerySelector(".report-age")?.TextContent.Trim());
        Assert.Contains(
            (await portal.SendAsync(new GetVisit.Query(visitId)))!.Organization.Name,
            row!.TextContent,
            StringComparison.Ordinal
        );
        Assert.Contains(mina, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(
            $"id=\"awaiting-review-count\" title=\"{awaiting.Count + 1} awaiting review\"",
            queue,
            StringComparison.Ordinal
        );

        var version = (await ReportAsync(id)).Version;
        using var sentBack = await director.PostFormAsync(
            $"/Reports/Review/{id}",
            [new("Input.Version", Number(version)), new("Input.Comment", "Add the outcomes of the Q&A.")],
            $"/Reports/Review/{id}?handler=RequestChanges"
        );
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Equal(ReviewState.ChangesRequested, (await ReportAsync(id)).State);
        Assert.Contains(
            "Add the outcomes of the Q&amp;A.",
            await staff.GetPageAsync($"/Reports/Edit/{id}"),
            StringComparison.Ordinal
        );

        var current = (await ReportAsync(id)).Version;
        using var resubmitted = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            Fields(current, "With the outcomes"),
            $"/Reports/Edit/{id}?handler=Submit"
        );
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        var again = (await ReportAsync(id)).Version;
        using var approved = await director.PostFormAsync(
            $"/Reports/Review/{id}",
            [new("Input.Version", Number(again))],
            $"/Reports/Review/{id}?handler=Approve"
        );
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var report = await ReportAsync(id);
        Assert.Equal((ReviewState.Approved, lii), (report.State, report.ApprovedBy));
        var page = await staff.GetPageAsync($"/Reports/Details/{id}");
        Assert.Contains("id=\"report-read-only\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"add-comment\"", page, StringComparison.Ordinal);
        Assert.Contains("Version 3", page, StringComparison.Ordinal);
        Assert.Contains(
            "With the outcomes",
            await staff.GetPageAsync($"/Reports/Version/{id}/3"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "The delegation of Seremban City Council visited the Secretariat.",
            await staff.GetPageAsync($"/Reports/Version/{id}/1"),
            StringComparison.Ordinal
        );
        // Two decisions on this report, each mailed to its author.
        Assert.Equal(
            [$"{mina}@we-gov.org", $"{mina}@we-gov.org"],
            await portal.WithDbAsync(db =>
                db.OutboxMessages.Where(m => m.Body.Contains($"/Reports/Details/{id}"))
                    .OrderBy(m => m.Id)
                    .Select(m => m.To)
                    .ToListAsync()
            )
        );
        Assert.DoesNotContain(
            $"data-report=\"{id}\"",
            await director.GetPageAsync("/Reports/Queue"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task An_administrator_may_review_too()
    {
        var staff = await StaffAsync();
        var id = await SubmittedAsync(staff, await VisitIdAsync());
        var admin = PortalClient.For(portal);
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        using var approved = await admin.PostFormAsync(
            $"/Reports/Review/{id}",
            [new("Input.Version", Number((await ReportAsync(id)).Version))],
            $"/Reports/Review/{id}?handler=Approve"
        );

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ReviewState.Approved, (await ReportAsync(id)).State);
    }

    [Fact]
    public async Task The_author_of_a_report_cannot_approve_it_and_another_director_does()
    {
        var admin = PortalClient.For(portal);
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var id = await SubmittedAsync(admin, await VisitIdAsync());

        var review = await admin.GetPageAsync($"/Reports/Review/{id}");
        Assert.Contains("id=\"own-report\"", review, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"approve-report\"", review, StringComparison.Ordinal);
        Assert.Contains("id=\"request-changes\"", review, StringComparison.Ordinal);
        using var refused = await admin.PostFormAsync(
            $"/Reports/Review/{id}",
            [new("Input.Version", Number((await ReportAsync(id)).Version))],
            $"/Reports/Review/{id}?handler=Approve"
        );
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "You wrote this report, so another program director approves it.",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(ReviewState.Submitted, (await ReportAsync(id)).State);

        var director = await DirectorAsync();
        Assert.Contains(
            "id=\"approve-report\"",
            await director.GetPageAsync($"/Reports/Review/{id}"),
            StringComparison.Ordinal
        );
        using var approved = await director.PostFormAsync(
            $"/Reports/Review/{id}",
            [new("Input.Version", Number((await ReportAsync(id)).Version))],
            $"/Reports/Review/{id}?handler=Approve"
        );
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ReviewState.Approved, (await ReportAsync(id)).State);
    }

    [Fact]
    public async Task A_one_person_office_may_let_the_author_approve()
    {
        using var office = new PortalFactory { Settings = { ["Portal:Reports:AuthorMayApprove"] = "true" } }.Start();
        var admin = PortalClient.For(office);
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var id = await SubmittedAsync(admin, await office.SerembanVisitToReportAsync());
        var version = await office.WithDbAsync(db =>
            db.VisitReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync()
        );

        using var approved = await admin.PostFormAsync(
            $"/Reports/Review/{id}",
            [new("Input.Version", Number(version))],
            $"/Reports/Review/{id}?handler=Approve"
        );

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(
            ReviewState.Approved,
            await office.WithDbAsync(db => db.VisitReports.Where(r => r.Id == id).Select(r => r.State).SingleAsync())
        );
    }

    [Fact]
    public async Task A_decision_on_a_report_someone_already_decided_is_refused_and_says_so_once()
    {
        var staff = await StaffAsync();
        var id = await SubmittedAsync(staff, await VisitIdAsync());
        var director = await DirectorAsync();
        var admin = PortalClient.For(portal);
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        using var first = await admin.PostFormAsync(
            $"/Reports/Review/{id}",
            [new("Input.Version", Number((await ReportAsync(id)).Version))],
            $"/Reports/Review/{id}?handler=Approve"
        );
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await director.PostFormAsync(
            $"/Reports/Review/{id}",
            [new("Input.Version", Number((await ReportAsync(id)).Version))],
            $"/Reports/Review/{id}?handler=Approve"
        );

        var page = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(Regex.Matches(page, "This report is not awaiting review."));
    }

    [Fact]
    public async Task Staff_and_directors_reply_to_each_other_in_the_conversation()
    {
        var staff = await StaffAsync();
        var id = await SubmittedAsync(staff, await VisitIdAsync());
        var director = await DirectorAsync();

        using var asked = await director.PostFormAsync(
            $"/Reports/Details/{id}",
            [new("NewComment.Comment", "Who presented Vision Valley?")],
            $"/Reports/Details/{id}?handler=Comment"
        );
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var commentId = await portal.WithDbAsync(db =>
            db.VisitReports.Where(r => r.Id == id).SelectMany(r => r.Comments).Select(c => c.Id).SingleAsync()
        );
        using var answered = await staff.PostFormAsync(
            $"/Reports/Details/{id}",
            [new("NewComment.Comment", "Councillor Lee Kai Yet."), new("NewComment.ReplyToId", Number(commentId))],
            $"/Reports/Details/{id}?handler=Comment"
        );
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var document = new HtmlParser().ParseDocument(await director.GetPageAsync($"/Reports/Details/{id}"));
        var reply = document.QuerySelector($"#comment-{commentId} .report-replies .report-comment-text");
        Assert.Equal("Councillor Lee Kai Yet.", reply?.TextContent);

        using var empty = await staff.PostFormAsync(
            $"/Reports/Details/{id}",
            [new("NewComment.Comment", "")],
            $"/Reports/Details/{id}?handler=Comment"
        );
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(
            2,
            await portal.WithDbAsync(db =>
                db.VisitReports.Where(r => r.Id == id).SelectMany(r => r.Comments).CountAsync()
            )
        );
    }

    [Fact]
    public async Task A_follow_up_added_under_the_report_goes_to_the_visit()
    {
        var staff = await StaffAsync();
        var visitId = await VisitIdAsync();
        var id = await StartAsync(staff, visitId);
        var minaId = await portal.WithDbAsync(db =>
            db.Users.Where(u => u.Email == $"{mina}@we-gov.org").Select(u => u.Id).SingleAsync()
        );

        using var added = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            [
                new("NewFollowUp.Description", "Send the Smart City Prize call"),
                new("NewFollowUp.OwnerUserId", minaId),
                new("NewFollowUp.DueOn", "2024-10-31"),
            ],
            $"/Reports/FollowUp/{id}"
        );

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/Reports/Edit/{id}#follow-ups", added.Headers.Location!.OriginalString);
        Assert.True(
            await portal.WithDbAsync(db =>
                db.FollowUps.AnyAsync(f =>
                    f.VisitId == visitId && f.Description == "Send the Smart City Prize call" && f.OwnerName == mina
                )
            )
        );
        Assert.Contains(
            "Send the Smart City Prize call",
            await staff.GetPageAsync($"/Reports/Edit/{id}"),
            StringComparison.Ordinal
        );

        using var refused = await staff.PostFormAsync(
            $"/Reports/Edit/{id}",
            [new("NewFollowUp.Description", ""), new("NewFollowUp.OwnerUserId", minaId)],
            $"/Reports/FollowUp/{id}"
        );
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "id=\"add-report-follow-up\"",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task The_reports_list_shows_every_report_by_state_in_spanish_and_korean()
    {
        var staff = await StaffAsync();
        var id = await SubmittedAsync(staff, await VisitIdAsync());

        var all = await staff.GetPageAsync("/Reports");
        Assert.Contains($"href=\"/Reports/Details/{id}\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain(
            $"href=\"/Reports/Details/{id}\"",
            await staff.GetPageAsync("/Reports?state=Approved"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"href=\"/Reports/Details/{id}\"",
            await staff.GetPageAsync("/Reports?state=Submitted"),
            StringComparison.Ordinal
        );

        var spanish = PortalClient.For(portal, "es");
        await spanish.SignInAsync($"{mina}@we-gov.org", Password);
        Assert.Contains("Informes de visitas", await spanish.GetPageAsync("/Reports"), StringComparison.Ordinal);
        var korean = PortalClient.For(portal, "ko");
        await korean.SignInAsync($"{mina}@we-gov.org", Password);
        Assert.Contains(
            "보고서: Seremban City Council",
            await korean.GetPageAsync($"/Reports/Details/{id}"),
            StringComparison.Ordinal
        );
    }
}
