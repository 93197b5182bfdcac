using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Web.Pages.FollowUps;

/// <summary>What the status badge needs, with who closed the follow-up and when.</summary>
public sealed record FollowUpState(FollowUpStatus Status, bool IsOverdue, string? ClosedBy, DateTime? ClosedAtUtc);
