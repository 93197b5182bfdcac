using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Tests;

public sealed class MembershipInquiryTests
{
    private static readonly DateTime Submitted = new(2024, 10, 20, 8, 0, 0, DateTimeKind.Utc);

    private static InquiryApplicant Seremban(bool consent = true) =>
        new(
            "Seremban City Council",
            "MY",
            OrganizationKind.LocalGovernment,
            700000,
            "Lee Kai Yet",
            "Councillor",
            "official@example.org",
            "+60 6-765 0000",
            "es",
            MembershipInterest.FeasibilityStudies | MembershipInterest.CapacityBuilding,
            null,
            "Visit to the Secretariat",
            null,
            "We would like to join.",
            consent
        );

    private static MembershipInquiry NewInquiry() => new("WGO-2024-0001", "token-123", Seremban(), Submitted);

    [Fact]
    public void A_new_inquiry_starts_at_New_with_consent_recorded()
    {
        var inquiry = NewInquiry();

        Assert.Equal(InquiryStage.New, inquiry.Stage);
        Assert.Equal(Submitted, inquiry.ConsentGivenAtUtc);
    }

    [Fact]
    public void Inquiry_without_consent_is_refused()
    {
        Assert.Equal(
            "Inquiry.ConsentRequired",
            Assert
                .Throws<DomainException>(() =>
                    new MembershipInquiry("WGO-2024-0001", "token", Seremban(consent: false), Submitted)
                )
                .Code
        );
    }

    [Fact]
    public void Staff_move_an_inquiry_to_Contacted_and_its_application_takes_it_to_Approved()
    {
        var inquiry = NewInquiry();
        inquiry.MatchTo(7);
        inquiry.MoveTo(InquiryStage.Contacted, Submitted.AddDays(1));

        var application = InquiryApplications.TakeTo(inquiry, InquiryStage.ApplicationSent, Submitted.AddDays(10));
        Assert.Equal(InquiryStage.ApplicationSent, inquiry.Stage);

        application.AddDocument("form.pdf", DocumentType.Pdf, 1000, "stored", sentByApplicant: true, Submitted);
        inquiry.FollowApplication(application, Submitted.AddDays(20));
        Assert.Equal(InquiryStage.UnderReview, inquiry.Stage);

        application.Check(isSigned: true, signatoryIsAuthorised: true, contactConfirmed: true);
        application.Accept(new DateOnly(2025, 1, 1), Submitted.AddDays(30));
        inquiry.FollowApplication(application, Submitted.AddDays(30));

        Assert.Equal(InquiryStage.Approved, inquiry.Stage);
        Assert.Equal(Submitted.AddDays(30), inquiry.StageChangedAtUtc);
    }

    [Fact]
    public void A_Friendship_application_keeps_its_inquiry_under_review_until_the_Committee_decides()
    {
        var approved = NewInquiry();
        var declined = NewInquiry();
        var forApproval = InquiryApplications.TakeTo(
            approved,
            InquiryStage.Approved,
            Submitted,
            OrganizationKind.Institution
        );
        var forDecline = InquiryApplications.TakeTo(
            declined,
            InquiryStage.Approved,
            Submitted,
            OrganizationKind.Institution
        );
        Assert.Equal(InquiryStage.UnderReview, approved.Stage);

        forApproval.Decide(CommitteeDecision.Approved, new DateOnly(2025, 6, 1), Submitted.AddDays(200));
        approved.FollowApplication(forApproval, Submitted.AddDays(200));
        forDecline.Decide(CommitteeDecision.Declined, new DateOnly(2025, 6, 1), Submitted.AddDays(200));
        declined.FollowApplication(forDecline, Submitted.AddDays(200));

        Assert.Equal(InquiryStage.Approved, approved.Stage);
        Assert.Equal(InquiryStage.Declined, declined.Stage);
    }

    [Fact]
    public void A_withdrawn_application_withdraws_its_inquiry()
    {
        var inquiry = NewInquiry();
        var application = InquiryApplications.TakeTo(inquiry, InquiryStage.UnderReview, Submitted);

        application.Withdraw(Submitted.AddDays(5));
        inquiry.FollowApplication(application, Submitted.AddDays(5));

        Assert.Equal(InquiryStage.Withdrawn, inquiry.Stage);
    }

    [Theory]
    [InlineData(InquiryStage.ApplicationSent)]
    [InlineData(InquiryStage.UnderReview)]
    [InlineData(InquiryStage.Approved)]
    public void No_hand_moves_an_inquiry_to_a_stage_its_application_decides(InquiryStage stage)
    {
        var inquiry = NewInquiry();
        inquiry.MoveTo(InquiryStage.Contacted, Submitted);

        Assert.Equal(
            "Inquiry.StageChangeRefused",
            Assert.Throws<DomainException>(() => inquiry.MoveTo(stage, Submitted)).Code
        );
        Assert.Equal(InquiryStage.Contacted, inquiry.Stage);
    }

    [Fact]
    public void An_inquiry_follows_only_its_own_application()
    {
        var inquiry = NewInquiry();
        var other = new MembershipApplication(
            "WGO-2024-0002",
            7,
            OrganizationKind.LocalGovernment,
            inquiryId: 99,
            new ApplicationContact("Someone", "someone@example.org", "en"),
            null,
            Submitted
        );

        Assert.Throws<InvalidOperationException>(() => inquiry.FollowApplication(other, Submitted));
        Assert.Equal(InquiryStage.New, inquiry.Stage);
    }

    [Fact]
    public void An_approved_inquiry_keeps_its_match_and_an_anonymized_one_takes_no_notes()
    {
        var approved = NewInquiry();
        approved.MatchTo(7);
        InquiryApplications.TakeTo(approved, InquiryStage.Approved, Submitted);
        var withdrawn = NewInquiry();
        withdrawn.MoveTo(InquiryStage.Withdrawn, Submitted);
        withdrawn.Anonymize(Submitted);

        Assert.Equal(
            "Inquiry.MatchFixedAfterApproval",
            Assert.Throws<DomainException>(() => approved.MatchTo(99)).Code
        );
        Assert.Equal("Inquiry.MatchFixedAfterApproval", Assert.Throws<DomainException>(approved.Unmatch).Code);
        Assert.Equal(
            "Inquiry.Anonymized",
            Assert.Throws<DomainException>(() => withdrawn.AddNote("Called again", "Lii Inn Tan", Submitted)).Code
        );
    }

    [Theory]
    [InlineData(InquiryStage.New, InquiryStage.Approved)]
    [InlineData(InquiryStage.New, InquiryStage.UnderReview)]
    [InlineData(InquiryStage.Contacted, InquiryStage.New)]
    [InlineData(InquiryStage.Contacted, InquiryStage.ApplicationSent)]
    [InlineData(InquiryStage.UnderReview, InquiryStage.Approved)]
    [InlineData(InquiryStage.Approved, InquiryStage.Declined)]
    [InlineData(InquiryStage.Declined, InquiryStage.Contacted)]
    [InlineData(InquiryStage.Withdrawn, InquiryStage.New)]
    public void Forbidden_stage_changes_are_refused(InquiryStage from, InquiryStage to)
    {
        Assert.False(MembershipInquiry.CanMove(from, to));
    }

    [Fact]
    public void A_refused_move_leaves_the_stage_as_it_was()
    {
        var inquiry = NewInquiry();

        Assert.Equal(
            "Inquiry.StageChangeRefused",
            Assert.Throws<DomainException>(() => inquiry.MoveTo(InquiryStage.Approved, Submitted)).Code
        );
        Assert.Equal(InquiryStage.New, inquiry.Stage);
    }

    [Fact]
    public void Only_closed_inquiries_can_be_anonymized()
    {
        Assert.Equal(
            "Inquiry.AnonymizeOnlyClosed",
            Assert.Throws<DomainException>(() => NewInquiry().Anonymize(Submitted)).Code
        );
    }

    [Fact]
    public void Anonymizing_erases_the_person_and_keeps_the_statistics()
    {
        var inquiry = NewInquiry();
        inquiry.AddNote("Called the councillor's office", "Lii Inn Tan", Submitted);
        inquiry.MoveTo(InquiryStage.Withdrawn, Submitted.AddDays(3));

        inquiry.Anonymize(Submitted.AddDays(400));

        Assert.DoesNotContain("Lee Kai Yet", inquiry.ContactName, StringComparison.Ordinal);
        Assert.DoesNotContain("@", inquiry.Email, StringComparison.Ordinal);
        Assert.Null(inquiry.Phone);
        Assert.Null(inquiry.Message);
        Assert.DoesNotContain("councillor", inquiry.Notes.Single().Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("MY", inquiry.CountryCode);
        Assert.Equal(OrganizationKind.LocalGovernment, inquiry.Kind);
        Assert.Equal(InquiryStage.Withdrawn, inquiry.Stage);
        Assert.Equal(Submitted, inquiry.SubmittedAtUtc);
    }
}
