using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Web.Pages.FollowUps;

/// <summary>What the Done / Drop / Reopen buttons need: the follow-up, the version shown, and where to come back
/// to.</summary>
public sealed record FollowUpButtons(int Id, int Version, FollowUpStatus Status, string ReturnUrl)
{
    public bool CanClose => FollowUp.CanCloseIn(Status);
}

/// <summary>What the status badge needs, with who closed the follow-up and when.</summary>
public sealed record FollowUpState(FollowUpStatus Status, bool IsOverdue, string? ClosedBy, DateTime? ClosedAtUtc);
