using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Inquiries;

/// <summary>What the forms staff work an inquiry with need: the inquiry, the offices and colleagues to assign,
/// the default membership start date, and a note being typed (kept after a refusal).</summary>
public sealed record InquiryWork(GetInquiry.Details Inquiry, AssignInquiry.Choices Choices, DateOnly Today, string? Note = null);
