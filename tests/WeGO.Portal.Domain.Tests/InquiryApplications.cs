using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Tests;

/// <summary>Takes an inquiry past Contacted the only way there is: an application opened from it, with the inquiry
/// following each step.</summary>
internal static class InquiryApplications
{
    /// <summary>Opens the inquiry's application and takes it as far as <paramref name="stage"/> needs: opened
    /// (Application sent), the signed form received (Under review), accepted (Approved for a city).</summary>
    public static MembershipApplication TakeTo(
        MembershipInquiry inquiry,
        InquiryStage stage,
        DateTime at,
        OrganizationKind kind = OrganizationKind.LocalGovernment
    )
    {
        var application = new MembershipApplication(
            inquiry.Reference,
            inquiry.OrganizationId ?? 1,
            kind,
            inquiry.Id,
            new ApplicationContact("Lee Kai Yet", "official@example.org", "en"),
            null,
            at
        );
        inquiry.FollowApplication(application, at);
        if (stage == InquiryStage.ApplicationSent)
        {
            return application;
        }

        application.AddDocument("form.pdf", DocumentType.Pdf, 1000, "stored-form", sentByApplicant: true, at);
        inquiry.FollowApplication(application, at);
        if (stage == InquiryStage.UnderReview)
        {
            return application;
        }

        application.Check(isSigned: true, signatoryIsAuthorised: true, contactConfirmed: true);
        application.Accept(DateOnly.FromDateTime(at), at);
        inquiry.FollowApplication(application, at);
        return application;
    }
}
