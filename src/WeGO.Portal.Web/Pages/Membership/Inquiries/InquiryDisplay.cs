using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Inquiries;

/// <summary>How inquiry stages look on the pages.</summary>
public static class InquiryDisplay
{
    public static string StageBadge(InquiryStage stage) =>
        stage switch
        {
            InquiryStage.New => "text-bg-warning",
            InquiryStage.Approved => "text-bg-success",
            InquiryStage.Declined or InquiryStage.Withdrawn => "text-bg-secondary",
            _ => "text-bg-primary",
        };
}
