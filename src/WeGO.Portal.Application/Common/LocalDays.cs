using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

/// <summary>Days as a person in a time zone lives them: which day it is, and the UTC instants a day (or a run of days)
/// covers. Every date filter and grouping goes through here, in the zone the rows are shown in.</summary>
public static class LocalDays
{
    public static DateOnly Today(TimeProvider clock, string timeZoneId) =>
        DateOnly.FromDateTime(VenueTime.ToLocal(clock.GetUtcNow().UtcDateTime, timeZoneId));

    /// <summary>The first instant of <paramref name="day"/> in the zone. Where midnight does not exist (clocks jump
    /// forward at midnight, as in Santiago) the day begins when the clocks jump; where it exists twice, at the
    /// first.</summary>
    public static DateTime StartUtc(DateOnly day, string timeZoneId)
    {
        var zone = VenueTime.Zone(timeZoneId);
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(midnight) || zone.IsAmbiguousTime(midnight))
        {
            // The offset in force just before midnight: for a gap it lands on the jump, for an overlap on the first
            // midnight.
            var before = zone.GetUtcOffset(DateTime.SpecifyKind(midnight.AddDays(-1), DateTimeKind.Unspecified));
            return DateTime.SpecifyKind(midnight - before, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }

    /// <summary>The instant after <paramref name="day"/> ends: the start of the next day.</summary>
    public static DateTime EndUtc(DateOnly day, string timeZoneId) => StartUtc(day.AddDays(1), timeZoneId);

    public static DateOnly DayOf(DateTime utc, string timeZoneId) =>
        DateOnly.FromDateTime(VenueTime.ToLocal(utc, timeZoneId));

    /// <summary>The stretches of [<paramref name="startUtc"/>, <paramref name="endUtc"/>) over which the zone keeps one
    /// UTC offset: one for Seoul, two or three a year where clocks change. Grouping each stretch by its own offset in
    /// SQL puts every instant in its local month exactly.</summary>
    public static IReadOnlyList<(DateTime StartUtc, DateTime EndUtc, TimeSpan Offset)> OffsetSpans(
        string timeZoneId,
        DateTime startUtc,
        DateTime endUtc
    )
    {
        var zone = VenueTime.Zone(timeZoneId);
        TimeSpan OffsetAt(DateTime utc) => zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

        var spans = new List<(DateTime, DateTime, TimeSpan)>();
        var spanStart = startUtc;
        var offset = OffsetAt(startUtc);
        // Clocks change at most once a day, so a daily probe finds every change; a search to the minute places it.
        for (var probe = startUtc; probe < endUtc; )
        {
            var next = probe.AddDays(1) < endUtc ? probe.AddDays(1) : endUtc;
            if (OffsetAt(next) != offset)
            {
                long before = 0,
                    after = (long)Math.Ceiling((next - probe).TotalMinutes);
                while (after - before > 1)
                {
                    var middle = (before + after) / 2;
                    (before, after) = OffsetAt(probe.AddMinutes(middle)) == offset ? (middle, after) : (before, middle);
                }

                var change = probe.AddMinutes(after);
                if (change < endUtc)
                {
                    spans.Add((spanStart, change, offset));
                    (spanStart, offset) = (change, OffsetAt(change));
                }
            }

            probe = next;
        }

        spans.Add((spanStart, endUtc, offset));
        return spans;
    }
}
