using System.Security.Claims;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Web.Http;

/// <summary>Who the audit trail names: the signed-in staff member, "anonymous" for a public request, "system" for work
/// outside any request (start-up, background senders). Times are the viewer's (<see cref="ViewerTime"/>).</summary>
public sealed class CurrentUserActor(IHttpContextAccessor accessor, ViewerTime viewer) : ICurrentActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name =>
        accessor.HttpContext?.User switch
        {
            null => "system",
            { Identity.IsAuthenticated: true } user => user.FindFirstValue(StaffClaims.DisplayName)
                ?? user.Identity!.Name
                ?? "staff",
            _ => "anonymous",
        };

    public string TimeZoneId => viewer.ZoneId;
}
