using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Tests;

public sealed class MembershipInquiryTests
{
    private static readonly DateTime Submitted = new(2024, 10, 20, 8, 0, 0, DateTimeKind.Utc);

    private static InquiryApplicant Seremban(bool consent = true) => new(
        "Seremban City Council", "MY", OrganizationKind.LocalGovernment, 700000, "Lee Kai Yet", "Councillor",
        "official@example.org", "+60 6-765 0000", "es", MembershipInterest.FeasibilityStudies | MembershipInterest.CapacityBuilding,
        null, "Visit to the Secretariat", null, "We would like to join.", consent);

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
        Assert.Equal("Inquiry.ConsentRequired", Assert.Throws<DomainException>(() => new MembershipInquiry("WGO-2024-0001", "token", Seremban(consent: false), Submitted)).Code);
    }

    [Fact]
    public void The_pipeline_moves_forward_from_New_to_Approved()
    {
        var inquiry = NewInquiry();
        foreach (var stage in new[] { InquiryStage.Contacted, InquiryStage.ApplicationSent, InquiryStage.UnderReview, InquiryStage.Approved })
        {
            inquiry.MoveTo(stage, Submitted.AddDays(1));
        }

        Assert.Equal(InquiryStage.Approved, inquiry.Stage);
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

        Assert.Equal("Inquiry.StageChangeRefused", Assert.Throws<DomainException>(() => inquiry.MoveTo(InquiryStage.Approved, Submitted)).Code);
        Assert.Equal(InquiryStage.New, inquiry.Stage);
    }

    [Fact]
    public void Only_closed_inquiries_can_be_anonymized()
    {
        Assert.Equal("Inquiry.AnonymizeOnlyClosed", Assert.Throws<DomainException>(() => NewInquiry().Anonymize(Submitted)).Code);
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
