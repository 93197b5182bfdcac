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
    public void The_pipeline_moves_forward_from_New_to_Approved_and_the_matched_city_becomes_a_member()
    {
        var inquiry = NewInquiry();
        var city = new Organization(
            "Seremban City Council",
            "MY",
            Region.AsiaPacific,
            OrganizationKind.LocalGovernment
        );
        inquiry.MatchTo(city.Id);
        foreach (var stage in new[] { InquiryStage.Contacted, InquiryStage.ApplicationSent, InquiryStage.UnderReview })
        {
            inquiry.MoveTo(stage, Submitted.AddDays(1));
        }

        inquiry.Approve(city, new DateOnly(2025, 1, 1), Submitted.AddDays(30));

        Assert.Equal(InquiryStage.Approved, inquiry.Stage);
        Assert.Equal(Submitted.AddDays(30), inquiry.StageChangedAtUtc);
        Assert.Equal(new DateOnly(2025, 1, 1), city.MemberSince);
    }

    [Fact]
    public void Approval_goes_through_Approve_with_a_start_date()
    {
        var inquiry = NewInquiry();
        inquiry.MoveTo(InquiryStage.Contacted, Submitted);
        inquiry.MoveTo(InquiryStage.ApplicationSent, Submitted);
        inquiry.MoveTo(InquiryStage.UnderReview, Submitted);

        Assert.Equal(
            "Inquiry.ApprovalNeedsStartDate",
            Assert.Throws<DomainException>(() => inquiry.MoveTo(InquiryStage.Approved, Submitted)).Code
        );
        Assert.Equal(
            "Inquiry.ApprovalNeedsMatch",
            Assert.Throws<DomainException>(() => inquiry.Approve(null, new DateOnly(2025, 1, 1), Submitted)).Code
        );
        Assert.Equal(InquiryStage.UnderReview, inquiry.Stage);
    }

    [Fact]
    public void An_approved_inquiry_keeps_its_match_and_an_anonymized_one_takes_no_notes()
    {
        var approved = NewInquiry();
        var city = new Organization(
            "Seremban City Council",
            "MY",
            Region.AsiaPacific,
            OrganizationKind.LocalGovernment
        );
        approved.MatchTo(city.Id);
        approved.MoveTo(InquiryStage.Contacted, Submitted);
        approved.MoveTo(InquiryStage.ApplicationSent, Submitted);
        approved.MoveTo(InquiryStage.UnderReview, Submitted);
        approved.Approve(city, new DateOnly(2025, 1, 1), Submitted);
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
