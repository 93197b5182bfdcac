using System.Collections.Concurrent;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Visits;

/// <summary>Converts between a venue's wall-clock time (what people agree on) and UTC (what is stored).
/// Time zones are IANA ids, e.g. "Asia/Seoul".</summary>
public static class VenueTime
{
    public const string Seoul = "Asia/Seoul";

    /// <summary>The longest IANA time-zone id kept (the longest in use is about 30 characters).</summary>
    public const int ZoneIdMaxLength = 64;

    /// <summary>How many zones <see cref="Zone"/> keeps: more than the system knows (about 600 ids with their
    /// aliases), so every real zone is kept, while ids spelt in other cases cannot grow it without end.</summary>
    public const int ZonesKept = 1024;

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    /// <summary>The zone of an IANA id. The runtime looks every id up under one lock for the whole process, and
    /// pages convert a time per row, so under load requests queued on that lock; zones found are kept here, spelt
    /// as asked. An unknown id is never kept: it fails every time.</summary>
    public static TimeZoneInfo Zone(string timeZoneId)
    {
        if (Found.TryGetValue(timeZoneId, out var kept))
        {
            return kept;
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new DomainException("Visit.TimeZoneUnknown", timeZoneId);
        }

        return Found.Count < ZonesKept ? Found.GetOrAdd(timeZoneId, zone) : zone;
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
