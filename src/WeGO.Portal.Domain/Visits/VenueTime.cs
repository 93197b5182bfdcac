using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Visits;

/// <summary>Converts between a venue's wall-clock time (what people agree on) and UTC (what is stored).
/// Time zones are IANA ids, e.g. "Asia/Seoul".</summary>
public static class VenueTime
{
    public const string Seoul = "Asia/Seoul";

    /// <summary>The longest IANA time-zone id kept (the longest in use is about 30 characters).</summary>
    public const int ZoneIdMaxLength = 64;

    public static TimeZoneInfo Zone(string timeZoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new DomainException("Visit.TimeZoneUnknown", timeZoneId);
        }
    }

    public static DateTime ToUtc(DateOnly date, TimeOnly time, string timeZoneId)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = Zone(timeZoneId);
        if (zone.IsInvalidTime(local))
        {
            throw new DomainException(
                "Visit.TimeDoesNotExist",
                local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                timeZoneId
            );
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZoneId));
}
