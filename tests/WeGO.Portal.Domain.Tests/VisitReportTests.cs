using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

public sealed class VisitReportTests
{
    private static readonly DateTime Scheduled = new(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AfterTheVisit = new(2024, 10, 8, 0, 0, 0, DateTimeKind.Utc);

    private static Visit SerembanVisit(bool completed = true)
    {
        var visit = Seremban.Visit(Scheduled);
        visit.NameHeadOfDelegation("Lee Kai Yet", "Councillor");
        visit.AddHost("Jeong-kee Kim", "Secretary General");
        visit.AddHost("Lii Inn Tan", "Program Director");
        visit.RecordTopic("Membership process");
        visit.RecordTopic("Feasibility-study opportunities");
        if (completed)
        {
            visit.Confirm();
            visit.Complete(AfterTheVisit);
        }

        return visit;
    }

    private static VisitReport Written()
    {
        var report = VisitReport.ForVisit(SerembanVisit(), "staff-1", "Mina Park", "ko", AfterTheVisit);
        report.Write(
            report.Content with
            {
                Summary = "Seremban City Council's delegation visited the Secretariat.",
            },
            AfterTheVisit
        );
        return report;
    }

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void A_report_is_refused_for_a_visit_that_is_not_completed()
    {
        var requested = SerembanVisit(completed: false);
        var cancelled = SerembanVisit(completed: false);
        cancelled.Cancel("Travel cancelled");

        Assert.Equal(
            "Report.VisitNotCompleted",
            CodeOf(() => VisitReport.ForVisit(requested, "staff-1", "Mina Park", "en", AfterTheVisit))
        );
        Assert.Equal(
            "Report.VisitNotCompleted",
            CodeOf(() => VisitReport.ForVisit(cancelled, "staff-1", "Mina Park", "en", AfterTheVisit))
        );
    }

    [Fact]
    public void A_new_report_lists_the_delegation_the_hosts_and_the_topics_of_the_visit()
    {
        var report = VisitReport.ForVisit(SerembanVisit(), "staff-1", "Mina Park", "es", AfterTheVisit);

        Assert.Equal(ReviewState.Draft, report.State);
        Assert.Equal("es", report.AuthorLanguage);
        Assert.Equal(
            "**Seremban City Council**\n\n- Lee Kai Yet, Councillor\n\n"
                + "**WeGO**\n\n- Jeong-kee Kim, Secretary General\n- Lii Inn Tan, Program Director",
            report.Participants
        );
        Assert.Equal("- Membership process\n- Feasibility-study opportunities", report.TopicsRaised);
        Assert.Equal("", report.Summary);
    }

    [Fact]
    public void Each_submission_and_the_approval_are_kept_as_numbered_versions()
    {
        var report = Written();

        report.Submit("staff-1", "Mina Park", "ko", AfterTheVisit);
        report.RequestChanges("Lii Inn Tan", "Add what the Secretariat presented.", AfterTheVisit.AddDays(1));
        report.Write(
            report.Content with
            {
                SecretariatPresentation = "WeGO's flagship programmes.",
            },
            AfterTheVisit.AddDays(2)
        );
        report.Submit("staff-1", "Mina Park", "ko", AfterTheVisit.AddDays(2));
        report.Approve("Lii Inn Tan", AfterTheVisit.AddDays(3));

        Assert.Equal([1, 2, 3], report.Versions.Select(v => v.Number));
        Assert.Equal(
            [ReviewState.Submitted, ReviewState.Submitted, ReviewState.Approved],
            report.Versions.Select(v => v.State)
        );
        Assert.Null(report.Versions[0].SecretariatPresentation);
        Assert.Equal("WeGO's flagship programmes.", report.Versions[2].SecretariatPresentation);
        Assert.Equal(["Mina Park", "Mina Park", "Lii Inn Tan"], report.Versions.Select(v => v.SavedBy));
        Assert.Equal(AfterTheVisit.AddDays(3), report.ApprovedAtUtc);
    }

    [Fact]
    public void Writing_is_refused_while_submitted_and_once_approved()
    {
        var report = Written();
        report.Submit("staff-1", "Mina Park", "en", AfterTheVisit);

        Assert.Equal(
            "Report.NotEditable",
            CodeOf(() => report.Write(report.Content with { Outcomes = "More" }, AfterTheVisit))
        );
        Assert.Equal("Report.CannotSubmit", CodeOf(() => report.Submit("staff-1", "Mina Park", "en", AfterTheVisit)));

        report.Approve("Lii Inn Tan", AfterTheVisit);
        Assert.Equal(
            "Report.NotEditable",
            CodeOf(() => report.Write(report.Content with { Outcomes = "More" }, AfterTheVisit))
        );
        Assert.Equal("Report.NotAwaitingReview", CodeOf(() => report.Approve("Lii Inn Tan", AfterTheVisit)));
        Assert.Equal(
            "Report.NotAwaitingReview",
            CodeOf(() => report.RequestChanges("Lii Inn Tan", "Again", AfterTheVisit))
        );
    }

    [Fact]
    public void A_report_sent_back_is_edited_and_submitted_again()
    {
        var report = Written();
        report.Submit("staff-1", "Mina Park", "en", AfterTheVisit);
        report.RequestChanges("Lii Inn Tan", "Add the outcomes.", AfterTheVisit);

        report.Write(report.Content with { Outcomes = "Seremban will apply for membership." }, AfterTheVisit);
        report.Submit("staff-1", "Mina Park", "en", AfterTheVisit);

        Assert.Equal(ReviewState.Submitted, report.State);
        Assert.Equal("Seremban will apply for membership.", report.Outcomes);
    }

    [Fact]
    public void The_author_language_follows_the_author_not_a_colleague_who_submits()
    {
        var report = Written();

        report.Submit("staff-2", "Colleague", "es", AfterTheVisit);

        Assert.Equal("ko", report.AuthorLanguage);
    }

    [Fact]
    public void Replies_thread_under_existing_comments_and_the_conversation_closes_with_the_approval()
    {
        var report = Written();
        report.Submit("staff-1", "Mina Park", "en", AfterTheVisit);
        var request = report.RequestChanges("Lii Inn Tan", "Add the outcomes.", AfterTheVisit);

        var reply = report.Comment("Mina Park", "Done.", request.Id, AfterTheVisit);

        Assert.Equal(request.Id, reply.ReplyToId);
        Assert.Equal("Report.CommentNotFound", CodeOf(() => report.Comment("Mina Park", "Hello?", 999, AfterTheVisit)));
        report.Submit("staff-1", "Mina Park", "en", AfterTheVisit);
        report.Approve("Lii Inn Tan", AfterTheVisit);
        Assert.Equal("Report.NotEditable", CodeOf(() => report.Comment("Mina Park", "Thanks", null, AfterTheVisit)));
    }
}
