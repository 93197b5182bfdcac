namespace WeGO.Portal.Domain.Membership;

public enum InquiryStage
{
    New = 1,
    Contacted = 2,
    ApplicationSent = 3,
    UnderReview = 4,
    Approved = 5,
    Declined = 6,
    Withdrawn = 7,
}
