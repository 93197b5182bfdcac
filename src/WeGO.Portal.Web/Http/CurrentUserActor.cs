using System.Security.Claims;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Web.Http;

/// <summary>The signed-in staff member, as the audit trail names them.</summary>
public sealed class CurrentUserActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
            ? user.FindFirstValue(StaffClaims.DisplayName) ?? user.Identity!.Name ?? "staff"
            : "anonymous";
}
