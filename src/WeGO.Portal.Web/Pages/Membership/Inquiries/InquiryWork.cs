using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Inquiries;

/// <summary>What the forms staff work an inquiry with need: the inquiry, the offices and colleagues to assign,
/// and a note or an assignment being made (kept after a refusal).</summary>
public sealed record InquiryWork(
    GetInquiry.Details Inquiry,
    AssignInquiry.Choices Choices,
    AddInquiryNote.Command? Noting = null,
    AssignInquiry.Command? Assigning = null
)
{
    /// <summary>What the assignment form shows: the user's kept choice, else the inquiry's (its office, or the
    /// suggested one).</summary>
    public AssignInquiry.Command Assignment => Assigning ?? Saved(Inquiry);

    /// <summary>What the note form shows: the user's kept note, else an empty one.</summary>
    public AddInquiryNote.Command Note => Noting ?? new();

    public static AssignInquiry.Command Saved(GetInquiry.Details inquiry) =>
        new()
        {
            InquiryId = inquiry.Id,
            Version = inquiry.Version,
            RegionalOfficeId = inquiry.RegionalOffice?.Id ?? inquiry.SuggestedOffice?.Id,
            OwnerUserId = inquiry.OwnerUserId,
        };
}
