using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Domain.Tests;

public sealed class FollowUpAndReportTests
{
    private static readonly DateTime Now = new(2024, 10, 8, 9, 0, 0, DateTimeKind.Utc);

    private static FollowUp SendMembershipPack() =>
        new(
            "Send membership information",
            "Lii Inn Tan",
            null,
            new DateOnly(2024, 10, 14),
            visitId: 1,
            inquiryId: null,
            Now
        );

    [Fact]
    public void Completing_a_follow_up_records_who_and_when()
    {
        var followUp = SendMembershipPack();

        followUp.Complete("Lii Inn Tan", Now.AddDays(2));

        Assert.Equal(FollowUpStatus.Done, followUp.Status);
        Assert.Equal("Lii Inn Tan", followUp.ClosedBy);
        Assert.Equal(Now.AddDays(2), followUp.ClosedAtUtc);
    }

    [Fact]
    public void A_closed_follow_up_cannot_be_closed_again()
    {
        var followUp = SendMembershipPack();
        followUp.Drop("Jeong-kee Kim", Now);

        Assert.Equal(
            "FollowUp.NotOpen",
            Assert.Throws<DomainException>(() => followUp.Complete("Lii Inn Tan", Now)).Code
        );
        Assert.Equal(FollowUpStatus.Dropped, followUp.Status);
    }

    [Fact]
    public void An_open_follow_up_past_its_due_date_is_overdue()
    {
        var followUp = SendMembershipPack();

        Assert.False(followUp.IsOverdue(new DateOnly(2024, 10, 14)));
        Assert.True(followUp.IsOverdue(new DateOnly(2024, 10, 15)));
        followUp.Complete("Lii Inn Tan", Now);
        Assert.False(followUp.IsOverdue(new DateOnly(2024, 10, 15)));
    }

    [Fact]
    public void A_follow_up_belongs_to_a_visit_or_an_inquiry()
    {
        Assert.Equal(
            "FollowUp.NeedsVisitOrInquiry",
            Assert
                .Throws<DomainException>(() =>
                    new FollowUp("Call back", "Lii Inn Tan", null, new DateOnly(2024, 10, 14), null, null, Now)
                )
                .Code
        );
    }

    private static VisitReport DraftReport()
    {
        var report = new VisitReport(1, "user-1", "Staff Writer", Now);
        report.Write(
            ReportContent.Empty with
            {
                Summary = "The delegation of Seremban City Council visited the Secretariat.",
            },
            Now
        );
        return report;
    }

    [Fact]
    public void A_report_goes_from_draft_through_changes_requested_to_approved()
    {
        var report = DraftReport();
        report.Submit("user-1", "Staff Writer", "en", Now);
        report.RequestChanges("Lii Inn Tan", "Please add the topics raised.", Now);

        Assert.Equal(ReviewState.ChangesRequested, report.State);
        report.Write(ReportContent.Empty with { Summary = "Updated summary with topics." }, Now);
        report.Submit("user-1", "Staff Writer", "en", Now);
        report.Approve("Lii Inn Tan", Now);

        Assert.Equal(ReviewState.Approved, report.State);
        Assert.Equal("Lii Inn Tan", report.ApprovedBy);
        Assert.Single(report.Comments);
    }

    [Fact]
    public void An_approved_report_is_read_only()
    {
        var report = DraftReport();
        report.Submit("user-1", "Staff Writer", "en", Now);
        report.Approve("Lii Inn Tan", Now);

        Assert.Equal(
            "Report.NotEditable",
            Assert
                .Throws<DomainException>(() => report.Write(ReportContent.Empty with { Summary = "Changed" }, Now))
                .Code
        );
    }

    [Fact]
    public void Only_a_submitted_report_can_be_approved_or_sent_back()
    {
        var report = DraftReport();

        Assert.Equal(
            "Report.NotAwaitingReview",
            Assert.Throws<DomainException>(() => report.Approve("Lii Inn Tan", Now)).Code
        );
        Assert.Equal(
            "Report.NotAwaitingReview",
            Assert.Throws<DomainException>(() => report.RequestChanges("Lii Inn Tan", "More", Now)).Code
        );
    }

    [Fact]
    public void An_empty_report_cannot_be_submitted()
    {
        var report = new VisitReport(1, "user-1", "Staff Writer", Now);

        Assert.Equal(
            "Report.SummaryRequired",
            Assert.Throws<DomainException>(() => report.Submit("user-1", "Staff Writer", "en", Now)).Code
        );
    }

    [Fact]
    public void Outbox_backs_off_after_each_failure_and_keeps_the_error()
    {
        var message = new OutboxMessage("official@example.org", "Thank you", "Body", "es", Now);

        message.RecordFailure("Connection refused", Now);
        var first = message.NextAttemptAtUtc;
        message.RecordFailure("Connection refused", Now);

        Assert.True(first > Now);
        Assert.True(message.NextAttemptAtUtc > first);
        Assert.Equal(2, message.Attempts);
        Assert.Equal("Connection refused", message.LastError);
        Assert.Null(message.SentAtUtc);
    }
}
