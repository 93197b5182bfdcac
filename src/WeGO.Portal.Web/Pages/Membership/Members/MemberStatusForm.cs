using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Members;

/// <summary>The status form of a member: the member as it is and what the user chose (kept after a refusal).</summary>
public sealed record MemberStatusForm(GetMember.Details Member, ChangeMemberStatus.Command Status);
