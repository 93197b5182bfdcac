using System.Security.Claims;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Web.Identity;

namespace WeGO.Portal.Web;

/// <summary>The zone the viewer reads times in: a staff member's own, from their profile (carried in the sign-in
/// cookie, <see cref="StaffClaims.TimeZone"/>), else the Secretariat's (<see cref="SecretariatSettings"/>). Never the
/// browser's: a browser on a server reports UTC, and a Seoul visit read "1:00 AM, times in UTC" (decision 0034).
/// Visits are agreed in the venue's time and also shown in this one.</summary>
public sealed class ViewerTime(IHttpContextAccessor accessor, IOptions<SecretariatSettings> secretariat)
{
    private string? zone;

    public string ZoneId => zone ??= Resolve(accessor.HttpContext?.User.FindFirstValue(StaffClaims.TimeZone));

    /// <summary>The zone as a reader knows it: "Seoul".</summary>
    public string ZoneName => Dates.ZoneName(ZoneId);

    public DateTime ToLocal(DateTime utc) => VenueTime.ToLocal(utc, ZoneId);

    /// <summary>"7 Oct 2024, 10:00": for lists whose heading names the zone.</summary>
    public string DateTime(DateTime utc) => Dates.Moment(ToLocal(utc));

    /// <summary>"7 Oct 2024, 10:00 (Seoul)": a time shown on its own.</summary>
    public string DateTimeNamed(DateTime utc) => Dates.MomentIn(utc, ZoneId);

    public string Date(DateTime utc) => Dates.Day(ToLocal(utc));

    public string Clock(DateTime utc) => Dates.Clock(ToLocal(utc));

    /// <summary>True when the viewer's zone shows a different wall-clock time than the venue's.</summary>
    public bool DiffersFrom(string venueZoneId, DateTime utc) => VenueTime.ToLocal(utc, venueZoneId) != ToLocal(utc);

    private string Resolve(string? own) => StaffUser.IsKnownZone(own) ? own! : secretariat.Value.TimeZone;
}
