using System.Security.Claims;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Web.Identity;

/// <summary>Who the audit trail names and what they may send: the signed-in staff member with their roles,
/// "anonymous" for a public request or any other work without a user, "system" only in a scope begun with
/// <see cref="SystemWork.CreateSystemScope"/>. Times are the viewer's (<see cref="ViewerTime"/>).</summary>
public sealed class CurrentUserActor(IHttpContextAccessor accessor, ViewerTime viewer, SystemWork system)
    : ICurrentActor
{
    private ClaimsPrincipal? User => IsSystem ? null : accessor.HttpContext?.User;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name =>
        IsSystem ? "system"
        : User is { Identity.IsAuthenticated: true } user
            ? user.FindFirstValue(StaffClaims.DisplayName) ?? user.Identity!.Name ?? "staff"
        : "anonymous";

    public string TimeZoneId => viewer.ZoneId;

    public bool IsSystem => system.InProgress;

    public bool IsInRole(string role) => User is { Identity.IsAuthenticated: true } user && user.IsInRole(role);
}
