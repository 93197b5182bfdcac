using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The report of a completed Seremban visit (each test's own) through the real pipeline, the day after the
/// visit.</summary>
public sealed class VisitReportWorkflowTests : IClassFixture<VisitReportWorkflowTests.Portal>
{
    private static readonly DateTimeOffset DayAfterTheVisit = new(2024, 10, 8, 1, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal;

    public VisitReportWorkflowTests(Portal fixture)
    {
        portal = fixture.Host;
        portal.Clock.Now = DayAfterTheVisit;
    }

    /// <summary>One portal for the class. Its tests never run in parallel, so each sets the clock at its start (the
    /// constructor: the day after the visit).</summary>
    public sealed class Portal : IDisposable
    {
        internal ClockedPortal Host { get; } =
            (ClockedPortal)new ClockedPortal(new FixedClock(DayAfterTheVisit)).Start();

        public void Dispose() => Host.Dispose();
    }

    /// <summary>A colleague of the test's own: <paramref name="name"/> made unique, mailed at
    /// <see cref="EmailOf"/>.</summary>
    private async Task<Colleague> ColleagueAsync(string name, string role)
    {
        var unique = TestData.Unique(name).Replace(' ', '-');
        var id = await portal.CreateStaffAsync($"{unique}@we-gov.org", "Colleague-Password-2024", role);
        return new Colleague(id, unique);
    }

    private static string EmailOf(Colleague colleague) => $"{colleague.Name}@we-gov.org";

    private Task<List<OutboxMessage>> MailsToAsync(Colleague colleague) =>
        portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == EmailOf(colleague)).ToListAsync());

    private Task<string> CityAsync(int reportId) =>
        portal.WithDbAsync(db =>
            db.VisitReports.Where(r => r.Id == reportId)
                .Join(db.Visits, r => r.VisitId, v => v.Id, (r, v) => v.Organization.Name)
                .SingleAsync()
        );

    private Task<VisitReport> ReportAsync(int id) =>
        portal.WithDbAsync(db =>
            db.VisitReports.AsNoTracking()
                .Include(r => r.Versions)
                .Include(r => r.Comments)
                .SingleAsync(r => r.Id == id)
        );

    private async Task<(Colleague Writer, int ReportId)> StartedAsync(string language = "en")
    {
        var writer = await ColleagueAsync("mina", Roles.SecretariatStaff);
        var visitId = await portal.SerembanVisitToReportAsync();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var id = (await portal.SendAsAsync(writer, new StartVisitReport.Command(visitId))).Value;
            return (writer, id);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private async Task<int> SubmittedAsync(Colleague writer, int reportId)
    {
        var report = await ReportAsync(reportId);
        var saved = await portal.SendAsAsync(
            writer,
            new WriteVisitReport.Command
            {
                ReportId = reportId,
                Version = report.Version,
                Summary = "Seremban City Council's delegation of 36 visited the Secretariat.",
                Participants = report.Participants,
                TopicsRaised = report.TopicsRaised,
            }
        );
        var submitted = await portal.SendAsAsync(writer, new SubmitVisitReport.Command(reportId, saved.Version));
        return submitted.Version;
    }

    [Fact]
    public async Task Starting_a_report_prefills_participants_and_topics_and_makes_the_writer_its_author()
    {
        var (writer, id) = await StartedAsync("es");

        var report = await ReportAsync(id);
        Assert.Equal(ReviewState.Draft, report.State);
        Assert.Equal(writer.UserId, report.AuthorId);
        Assert.Equal(writer.Name, report.AuthorName);
        Assert.Equal("es", report.AuthorLanguage);
        Assert.Contains(
            "- Lee Kai Yet, Councillor, Seremban City Council",
            report.Participants,
            StringComparison.Ordinal
        );
        Assert.Contains("- Jeong-kee Kim, Secretary General", report.Participants, StringComparison.Ordinal);
        Assert.Contains("- Membership process", report.TopicsRaised, StringComparison.Ordinal);
        Assert.Equal(0, report.Version);
    }

    [Fact]
    public async Task A_visit_has_one_report_only()
    {
        var (writer, id) = await StartedAsync();
        var visitId = (await ReportAsync(id)).VisitId;

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsAsync(writer, new StartVisitReport.Command(visitId))
        );

        Assert.Equal("Report.AlreadyExists", refused.Code);
        Assert.Equal(1, await portal.WithDbAsync(db => db.VisitReports.CountAsync(r => r.VisitId == visitId)));
    }

    [Fact]
    public async Task A_report_is_refused_for_a_visit_that_is_not_completed()
    {
        var writer = await ColleagueAsync("mina", Roles.SecretariatStaff);
        var visitId = await portal.ScheduleVisitAsync(c => c with { Date = new DateOnly(2024, 12, 4) });
        await portal.SendAsync(new ConfirmVisit.Command(visitId, 0));

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsAsync(writer, new StartVisitReport.Command(visitId))
        );

        Assert.Equal("Report.VisitNotCompleted", refused.Code);
        Assert.False(await portal.WithDbAsync(db => db.VisitReports.AnyAsync(r => r.VisitId == visitId)));
    }

    [Fact]
    public async Task Saving_returns_the_new_version_and_a_save_against_an_old_version_is_refused()
    {
        var (writer, id) = await StartedAsync();

        var first = await portal.SendAsAsync(
            writer,
            new WriteVisitReport.Command
            {
                ReportId = id,
                Version = 0,
                Summary = "First draft",
            }
        );
        Assert.Equal(1, first.Version);
        var second = await portal.SendAsAsync(
            writer,
            new WriteVisitReport.Command
            {
                ReportId = id,
                Version = first.Version,
                Summary = "Second draft",
            }
        );
        Assert.Equal(2, second.Version);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsAsync(
                writer,
                new WriteVisitReport.Command
                {
                    ReportId = id,
                    Version = first.Version,
                    Summary = "Overwrites the second draft",
                }
            )
        );
        Assert.Equal("Second draft", (await ReportAsync(id)).Summary);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.we-gov.org/report.pdf")]
    [InlineData("ftp://files.we-gov.org/report.pdf")]
    [InlineData("https://we-gov.org/slides.pdf\nfile:///C:/secret.docx")]
    public async Task Attachment_links_must_be_web_addresses(string links)
    {
        var (writer, id) = await StartedAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(async () =>
            await portal.SendAsAsync(
                writer,
                new WriteVisitReport.Command
                {
                    ReportId = id,
                    Summary = "Draft",
                    AttachmentLinks = links,
                }
            )
        );

        Assert.Equal(
            [nameof(WriteVisitReport.Command.AttachmentLinks)],
            refused.Errors.Select(e => e.PropertyName).Distinct()
        );
    }

    [Fact]
    public async Task Web_addresses_one_per_line_are_accepted_as_attachments()
    {
        var (writer, id) = await StartedAsync();

        await portal.SendAsAsync(
            writer,
            new WriteVisitReport.Command
            {
                ReportId = id,
                Summary = "Draft",
                AttachmentLinks = " https://we-gov.org/slides.pdf \n\nhttp://example.org/photos ",
            }
        );

        Assert.Equal(
            ["https://we-gov.org/slides.pdf", "http://example.org/photos"],
            ReportAttachmentLinks.Lines((await ReportAsync(id)).AttachmentLinks)
        );
    }

    [Fact]
    public async Task Submitting_keeps_a_version_and_puts_the_report_in_the_review_queue()
    {
        var (writer, id) = await StartedAsync();
        var awaiting = await portal.SendAsync(new CountReportsAwaitingReview.Query());

        await SubmittedAsync(writer, id);

        var report = await ReportAsync(id);
        Assert.Equal(ReviewState.Submitted, report.State);
        var kept = Assert.Single(report.Versions);
        Assert.Equal((1, ReviewState.Submitted, writer.Name), (kept.Number, kept.State, kept.SavedBy));
        Assert.Equal(report.Summary, kept.Summary);
        Assert.Equal(DayAfterTheVisit.UtcDateTime, kept.SavedAtUtc);
        var queue = await portal.SendAsync(new ListReportsAwaitingReview.Query());
        Assert.Single(queue, r => r.Id == id);
        Assert.Equal(awaiting + 1, await portal.SendAsync(new CountReportsAwaitingReview.Query()));
    }

    [Fact]
    public async Task An_empty_report_cannot_be_submitted()
    {
        var (writer, id) = await StartedAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsAsync(writer, new SubmitVisitReport.Command(id, 0))
        );

        Assert.Equal("Report.SummaryRequired", refused.Code);
        Assert.Equal(ReviewState.Draft, (await ReportAsync(id)).State);
    }

    [Fact]
    public async Task Approving_keeps_the_approved_version_and_mails_the_author_in_their_language()
    {
        var (writer, id) = await StartedAsync("es");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
        int version;
        try
        {
            // The author submits in Spanish too: the mail follows the language the author last worked in.
            version = await SubmittedAsync(writer, id);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var director = await ColleagueAsync("lii", Roles.ProgramDirector);
        portal.Clock.Now = DayAfterTheVisit.AddDays(2);

        await portal.SendAsAsync(director, new ApproveVisitReport.Command(id, version));

        var report = await ReportAsync(id);
        Assert.Equal(ReviewState.Approved, report.State);
        Assert.Equal(director.Name, report.ApprovedBy);
        Assert.Equal(
            [ReviewState.Submitted, ReviewState.Approved],
            report.Versions.OrderBy(v => v.Number).Select(v => v.State)
        );
        var mail = Assert.Single(await MailsToAsync(writer));
        Assert.Equal("es", mail.Language);
        Assert.Equal($"Se aprobó su informe sobre la visita de {await CityAsync(id)}", mail.Subject);
        Assert.Contains($"/Reports/Details/{id}", mail.Body, StringComparison.Ordinal);
        Assert.Contains(director.Name, mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_requested_mail_the_comment_to_the_author_and_the_report_is_edited_and_resubmitted()
    {
        var (writer, id) = await StartedAsync();
        var version = await SubmittedAsync(writer, id);
        var director = await ColleagueAsync("lii", Roles.ProgramDirector);

        await portal.SendAsAsync(
            director,
            new RequestReportChanges.Command
            {
                ReportId = id,
                Version = version,
                Comment = "Please add what the Secretariat presented.",
            }
        );

        var sentBack = await ReportAsync(id);
        Assert.Equal(ReviewState.ChangesRequested, sentBack.State);
        var comment = Assert.Single(sentBack.Comments);
        Assert.Equal((director.Name, "Please add what the Secretariat presented."), (comment.AuthorName, comment.Text));
        var mail = Assert.Single(await MailsToAsync(writer));
        Assert.Equal("en", mail.Language);
        Assert.Equal($"Changes requested on your report on the visit of {await CityAsync(id)}", mail.Subject);
        Assert.Contains("Please add what the Secretariat presented.", mail.Body, StringComparison.Ordinal);

        var edited = await portal.SendAsAsync(
            writer,
            new WriteVisitReport.Command
            {
                ReportId = id,
                Version = sentBack.Version,
                Summary = sentBack.Summary,
                SecretariatPresentation =
                    "Program Director Lii Inn Tan presented WeGO's activities and flagship programmes.",
            }
        );
        await portal.SendAsAsync(writer, new SubmitVisitReport.Command(id, edited.Version));

        var resubmitted = await ReportAsync(id);
        Assert.Equal(ReviewState.Submitted, resubmitted.State);
        Assert.Equal(2, resubmitted.Versions.Count);
    }

    [Fact]
    public async Task A_request_for_changes_needs_a_comment()
    {
        var (writer, id) = await StartedAsync();
        var version = await SubmittedAsync(writer, id);
        var director = await ColleagueAsync("lii", Roles.ProgramDirector);

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(async () =>
            await portal.SendAsAsync(
                director,
                new RequestReportChanges.Command
                {
                    ReportId = id,
                    Version = version,
                    Comment = " ",
                }
            )
        );

        Assert.Equal(
            [nameof(RequestReportChanges.Command.Comment)],
            refused.Errors.Select(e => e.PropertyName).Distinct()
        );
        Assert.Equal(ReviewState.Submitted, (await ReportAsync(id)).State);
        Assert.Empty(await MailsToAsync(writer));
    }

    [Fact]
    public async Task Only_a_submitted_report_can_be_approved_and_an_approved_one_cannot_be_edited()
    {
        var (writer, id) = await StartedAsync();
        var director = await ColleagueAsync("lii", Roles.ProgramDirector);

        var draft = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsAsync(director, new ApproveVisitReport.Command(id, 0))
        );
        Assert.Equal("Report.NotAwaitingReview", draft.Code);

        var version = await SubmittedAsync(writer, id);
        var whileSubmitted = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsAsync(
                writer,
                new WriteVisitReport.Command
                {
                    ReportId = id,
                    Version = version,
                    Summary = "Edited under review",
                }
            )
        );
        Assert.Equal("Report.NotEditable", whileSubmitted.Code);

        await portal.SendAsAsync(director, new ApproveVisitReport.Command(id, version));
        var approved = await ReportAsync(id);
        var afterApproval = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsAsync(
                writer,
                new WriteVisitReport.Command
                {
                    ReportId = id,
                    Version = approved.Version,
                    Summary = "Edited after approval",
                }
            )
        );
        Assert.Equal("Report.NotEditable", afterApproval.Code);
        var twice = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsAsync(director, new ApproveVisitReport.Command(id, approved.Version))
        );
        Assert.Equal("Report.NotAwaitingReview", twice.Code);
        Assert.Single(await MailsToAsync(writer));
    }

    [Fact]
    public async Task Comments_and_replies_form_threads()
    {
        var (writer, id) = await StartedAsync();
        var director = await ColleagueAsync("lii", Roles.ProgramDirector);

        await portal.SendAsAsync(
            director,
            new CommentOnReport.Command { ReportId = id, Comment = "Mention the Smart City Prize." }
        );
        var first = Assert.Single((await ReportAsync(id)).Comments);
        await portal.SendAsAsync(
            writer,
            new CommentOnReport.Command
            {
                ReportId = id,
                ReplyToId = first.Id,
                Comment = "Added to the Secretariat's part.",
            }
        );

        var thread = await portal.SendAsync(new GetVisitReport.Query(id));
        var top = Assert.Single(thread!.Threads);
        Assert.Equal("Mention the Smart City Prize.", top.Text);
        var reply = Assert.Single(thread.RepliesTo(top.Id));
        Assert.Equal((writer.Name, "Added to the Secretariat's part."), (reply.AuthorName, reply.Text));
    }

    [Fact]
    public async Task Every_change_to_a_report_is_in_the_audit_trail_against_the_report()
    {
        var (writer, id) = await StartedAsync();
        var version = await SubmittedAsync(writer, id);
        var director = await ColleagueAsync("lii", Roles.ProgramDirector);
        await portal.SendAsAsync(director, new ApproveVisitReport.Command(id, version));

        var key = id.ToString(CultureInfo.InvariantCulture);
        var entries = await portal.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == nameof(VisitReport) && a.EntityId == key)
                .OrderBy(a => a.Id)
                .ToListAsync()
        );

        Assert.Equal("Added", entries[0].Action);
        Assert.Contains(entries, e =>
            e.Action == "Modified"
            && e.ActorName == writer.Name
            && e.Changes.Contains("delegation of 36 visited", StringComparison.Ordinal)
        );
        Assert.Contains(entries, e => e.Action == "VisitReportVersion Added" && e.ActorName == writer.Name);
        Assert.Contains(entries, e => e.Action == "VisitReportVersion Added" && e.ActorName == director.Name);
        Assert.Contains(entries, e =>
            e.ActorName == director.Name && e.Changes.Contains("Approved", StringComparison.Ordinal)
        );
    }
}
