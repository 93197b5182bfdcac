using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

/// <summary>Each state rule (a CanX property the pages read) says what its state allows, and the entity's method
/// does exactly what the rule says: it works when CanX is true and refuses with a domain error when it is
/// false.</summary>
public sealed class StateRuleTests
{
    private static readonly DateTime Scheduled = new(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AfterTheVisit = new(2024, 10, 8, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Runs the action: true when it worked, false when the entity refused it.</summary>
    private static bool Works(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>Each rule holds exactly when <paramref name="allowed"/> names it, and so says its property, its static
    /// rule and every method that performs it.</summary>
    private static void AssertRules(
        object state,
        string allowed,
        Dictionary<string, (bool Rule, bool StaticRule, bool[] Methods)> actual
    )
    {
        var expected = allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (rule, (property, staticRule, methods)) in actual)
        {
            var holds = expected.Contains(rule);
            Assert.True(holds == property, $"{rule} in {state}: the property says {property}");
            Assert.True(holds == staticRule, $"{rule} in {state}: the static rule says {staticRule}");
            Assert.All(methods, worked => Assert.True(holds == worked, $"{rule} in {state}: a method disagrees"));
        }
    }

    private static Visit VisitIn(VisitStatus status)
    {
        var visit = Seremban.Visit(Scheduled);
        visit.AddHost("Jeong-kee Kim", "Secretary General");
        if (status is VisitStatus.Confirmed or VisitStatus.Completed)
        {
            visit.Confirm();
        }

        if (status == VisitStatus.Completed)
        {
            visit.Complete(AfterTheVisit);
        }

        if (status == VisitStatus.Cancelled)
        {
            visit.Cancel("Travel cancelled");
        }

        Assert.Equal(status, visit.Status);
        return visit;
    }

    public static TheoryData<VisitStatus, string> VisitRules() =>
        new()
        {
            // status, then the rules that hold in it: Edit, Amend, Confirm, Complete, Cancel, Report
            { VisitStatus.Requested, "Edit Amend Confirm Cancel" },
            { VisitStatus.Confirmed, "Edit Amend Complete Cancel" },
            { VisitStatus.Completed, "Amend Report" },
            { VisitStatus.Cancelled, "" },
        };

    [Theory]
    [MemberData(nameof(VisitRules))]
    public void A_visit_allows_what_its_status_allows_and_its_methods_follow_the_same_rules(
        VisitStatus status,
        string allowed
    )
    {
        var rules = VisitIn(status);
        var actual = new Dictionary<string, (bool Rule, bool StaticRule, bool[] Methods)>
        {
            ["Edit"] = (rules.CanEdit, Visit.CanEditIn(status), [Works(() => VisitIn(status).RestatePurpose("Again"))]),
            ["Amend"] = (rules.CanAmend, Visit.CanAmendIn(status), [Works(() => VisitIn(status).RecordTopic("Waste"))]),
            ["Confirm"] = (rules.CanConfirm, Visit.CanConfirmIn(status), [Works(() => VisitIn(status).Confirm())]),
            ["Complete"] = (
                rules.CanComplete,
                Visit.CanCompleteIn(status),
                [Works(() => VisitIn(status).Complete(AfterTheVisit))]
            ),
            ["Cancel"] = (
                rules.CanCancel,
                Visit.CanCancelIn(status),
                [Works(() => VisitIn(status).Cancel("Postponed"))]
            ),
            ["Report"] = (
                rules.CanReport,
                Visit.CanReportIn(status),
                [Works(() => VisitReport.ForVisit(VisitIn(status), "staff-1", "Mina Park", "en", AfterTheVisit))]
            ),
        };

        AssertRules(status, allowed, actual);
    }

    [Fact]
    public void A_confirmed_visit_that_has_not_started_may_be_completable_by_status_but_still_waits_for_its_start()
    {
        var visit = VisitIn(VisitStatus.Confirmed);

        Assert.True(visit.CanComplete);
        Assert.Equal("Visit.NotStartedYet", Assert.Throws<DomainException>(() => visit.Complete(Scheduled)).Code);
    }

    private static VisitReport ReportIn(ReviewState state)
    {
        var report = VisitReport.ForVisit(VisitIn(VisitStatus.Completed), "staff-1", "Mina Park", "en", AfterTheVisit);
        report.Write(report.Content with { Summary = "The delegation visited the Secretariat." }, AfterTheVisit);
        if (state != ReviewState.Draft)
        {
            report.Submit("staff-1", "Mina Park", "en", AfterTheVisit);
        }

        if (state == ReviewState.ChangesRequested)
        {
            report.RequestChanges("Lii Inn Tan", "Add the outcomes.", AfterTheVisit);
        }

        if (state == ReviewState.Approved)
        {
            report.Approve("Lii Inn Tan", AfterTheVisit);
        }

        Assert.Equal(state, report.State);
        return report;
    }

    public static TheoryData<ReviewState, string> ReportRules() =>
        new()
        {
            // state, then the rules that hold in it: Edit, Submit, Review, Comment, Release
            { ReviewState.Draft, "Edit Submit Comment" },
            { ReviewState.Submitted, "Review Comment" },
            { ReviewState.ChangesRequested, "Edit Submit Comment" },
            { ReviewState.Approved, "Release" },
        };

    [Theory]
    [MemberData(nameof(ReportRules))]
    public void A_report_allows_what_its_state_allows_and_its_methods_follow_the_same_rules(
        ReviewState state,
        string allowed
    )
    {
        var rules = ReportIn(state);
        var content = ReportContent.Empty with { Summary = "Rewritten." };
        var actual = new Dictionary<string, (bool Rule, bool StaticRule, bool[] Methods)>
        {
            ["Edit"] = (
                rules.CanEdit,
                VisitReport.CanEditIn(state),
                [Works(() => ReportIn(state).Write(content, AfterTheVisit))]
            ),
            ["Submit"] = (
                rules.CanSubmit,
                VisitReport.CanSubmitIn(state),
                [Works(() => ReportIn(state).Submit("staff-1", "Mina Park", "en", AfterTheVisit))]
            ),
            ["Review"] = (
                rules.CanReview,
                VisitReport.CanReviewIn(state),
                [
                    Works(() => ReportIn(state).Approve("Lii Inn Tan", AfterTheVisit)),
                    Works(() => ReportIn(state).RequestChanges("Lii Inn Tan", "More, please.", AfterTheVisit)),
                ]
            ),
            ["Comment"] = (
                rules.CanComment,
                VisitReport.CanCommentIn(state),
                [Works(() => ReportIn(state).Comment("Mina Park", "Done.", null, AfterTheVisit))]
            ),
            ["Release"] = (
                rules.CanRelease,
                VisitReport.CanReleaseIn(state),
                [Works(() => NewsRelease.DraftFrom(ReportIn(state), "en", "slug", "Headline", "Seoul", "Body"))]
            ),
        };

        AssertRules(state, allowed, actual);
    }

    private static FollowUp FollowUpIn(FollowUpStatus status)
    {
        var followUp = new FollowUp(
            "Send the membership pack",
            "Lii Inn Tan",
            null,
            new(2024, 10, 14),
            1,
            null,
            Scheduled
        );
        if (status == FollowUpStatus.Done)
        {
            followUp.Complete("Lii Inn Tan", AfterTheVisit);
        }

        if (status == FollowUpStatus.Dropped)
        {
            followUp.Drop("Lii Inn Tan", AfterTheVisit);
        }

        Assert.Equal(status, followUp.Status);
        return followUp;
    }

    [Theory]
    [InlineData(FollowUpStatus.Open, true)]
    [InlineData(FollowUpStatus.Done, false)]
    [InlineData(FollowUpStatus.Dropped, false)]
    public void A_follow_up_closes_only_while_open_and_reopens_only_once_closed(FollowUpStatus status, bool open)
    {
        var followUp = FollowUpIn(status);

        Assert.Equal(open, followUp.CanClose);
        Assert.Equal(open, FollowUp.CanCloseIn(status));
        Assert.Equal(!open, followUp.CanReopen);
        Assert.Equal(!open, FollowUp.CanReopenIn(status));
        Assert.Equal(open, Works(() => FollowUpIn(status).Complete("Mina Park", AfterTheVisit)));
        Assert.Equal(open, Works(() => FollowUpIn(status).Drop("Mina Park", AfterTheVisit)));
        Assert.Equal(open, Works(() => FollowUpIn(status).Reschedule(new DateOnly(2024, 11, 1))));
        Assert.Equal(!open, Works(() => FollowUpIn(status).Reopen()));
    }

    [Fact]
    public void A_follow_up_is_refused_for_a_visit_that_cannot_be_amended()
    {
        var cancelled = VisitIn(VisitStatus.Cancelled);

        Assert.False(cancelled.CanAmend);
        Assert.False(
            Works(() => FollowUp.ForVisit(cancelled, "Call back", "Lii Inn Tan", null, new(2024, 11, 1), AfterTheVisit))
        );
    }

    private static MembershipInquiry InquiryIn(InquiryStage stage)
    {
        var city = new Organization(
            "Seremban City Council",
            "MY",
            Region.AsiaPacific,
            OrganizationKind.LocalGovernment
        );
        var inquiry = new MembershipInquiry(
            "WGO-2024-0001",
            "token-123",
            new InquiryApplicant(
                "Seremban City Council",
                "MY",
                OrganizationKind.LocalGovernment,
                null,
                "Lee Kai Yet",
                null,
                "lee@mbs.gov.my",
                null,
                "en",
                MembershipInterest.None,
                null,
                null,
                null,
                null,
                true
            ),
            Scheduled
        );
        inquiry.MatchTo(city.Id);
        if (stage is InquiryStage.Declined or InquiryStage.Withdrawn or InquiryStage.Contacted)
        {
            inquiry.MoveTo(stage, Scheduled);
        }
        else if (stage != InquiryStage.New)
        {
            inquiry.MoveTo(InquiryStage.Contacted, Scheduled);
            InquiryApplications.TakeTo(inquiry, stage, Scheduled);
        }

        Assert.Equal(stage, inquiry.Stage);
        return inquiry;
    }

    [Theory]
    [InlineData(InquiryStage.New, true, false)]
    [InlineData(InquiryStage.Contacted, true, false)]
    [InlineData(InquiryStage.ApplicationSent, true, false)]
    [InlineData(InquiryStage.UnderReview, true, false)]
    [InlineData(InquiryStage.Approved, false, false)]
    [InlineData(InquiryStage.Declined, true, true)]
    [InlineData(InquiryStage.Withdrawn, true, true)]
    public void An_inquiry_changes_its_match_until_approved_and_is_anonymized_only_once_closed(
        InquiryStage stage,
        bool matchChanges,
        bool anonymizes
    )
    {
        var inquiry = InquiryIn(stage);

        Assert.Equal(matchChanges, inquiry.CanChangeMatch);
        Assert.Equal(matchChanges, MembershipInquiry.CanChangeMatchIn(stage));
        Assert.Equal(matchChanges, Works(() => InquiryIn(stage).MatchTo(42)));
        Assert.Equal(matchChanges, Works(() => InquiryIn(stage).Unmatch()));
        Assert.Equal(anonymizes, inquiry.CanAnonymize);
        Assert.Equal(anonymizes, MembershipInquiry.CanAnonymizeIn(stage));
        Assert.Equal(anonymizes, Works(() => InquiryIn(stage).Anonymize(AfterTheVisit)));
    }

    [Fact]
    public void A_release_is_published_once()
    {
        var release = new NewsRelease(1, "en", "2024-10-07-seremban", "Seremban visits WeGO", "Seoul", "Body");

        Assert.True(release.CanPublish);
        Assert.True(NewsRelease.CanPublishAt(null));
        release.Publish(AfterTheVisit);

        Assert.False(release.CanPublish);
        Assert.False(NewsRelease.CanPublishAt(AfterTheVisit));
        Assert.Equal(
            "Release.AlreadyPublished",
            Assert.Throws<DomainException>(() => release.Publish(AfterTheVisit)).Code
        );
    }
}
