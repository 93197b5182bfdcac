using System.Globalization;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Web;

/// <summary>The viewer's own time zone, which the browser reports in the "wego.tz" cookie (wwwroot/js/site.js); Seoul,
/// where the Secretariat works, until it has. Visits are agreed in the venue's time and also shown in this
/// one.</summary>
public sealed class ViewerTime(IHttpContextAccessor accessor)
{
    public const string Cookie = "wego.tz";

    private string? zone;

    public string ZoneId => zone ??= Resolve(accessor.HttpContext?.Request.Cookies[Cookie]);

    public DateTime ToLocal(DateTime utc) => VenueTime.ToLocal(utc, ZoneId);

    public string DateTime(DateTime utc) => ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    public string Date(DateTime utc) => ToLocal(utc).ToString("d", CultureInfo.CurrentCulture);

    public string Clock(DateTime utc) => ToLocal(utc).ToString("t", CultureInfo.CurrentCulture);

    /// <summary>True when the viewer's zone shows a different wall-clock time than the venue's.</summary>
    public bool DiffersFrom(string venueZoneId, DateTime utc) => VenueTime.ToLocal(utc, venueZoneId) != ToLocal(utc);

    private static string Resolve(string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested) && requested.Length <= 64)
        {
            try
            {
                VenueTime.Zone(requested);
                return requested;
            }
            catch (Domain.Common.DomainException)
            {
                // An unknown zone from a browser falls back to the Secretariat's.
            }
        }

        return VenueTime.Seoul;
    }
}
