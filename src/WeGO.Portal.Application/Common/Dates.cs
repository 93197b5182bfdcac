using System.Collections.Concurrent;
using System.Globalization;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

/// <summary>How the portal writes a day, a clock time and a moment in each of its languages, on pages and in mails
/// (decision 0034): English "7 Oct 2024", "10:00", "7 Oct 2024, 10:00" (never month first, never a 12-hour clock);
/// Spanish "7 oct 2024, 10:00"; Korean in CLDR's medium style "2024. 10. 7. 10:00". A zone is named by its IANA city
/// ("10:00 (Seoul)"). CSV keeps ISO 8601 (<see cref="Csv.Instant"/>).</summary>
public static class Dates
{
    private sealed record Style(string Day, string LongDay, string Clock, string Moment);

    // CLDR's medium date for each language, with a 24-hour clock; English takes the day-month-year order CLDR gives
    // for en-GB and en-001, which no reader takes for month first.
    private static readonly Dictionary<string, Style> Styles = new(StringComparer.Ordinal)
    {
        ["en"] = new("d MMM yyyy", "d MMMM yyyy", "HH:mm", "{0}, {1}"),
        ["es"] = new("d MMM yyyy", "d 'de' MMMM 'de' yyyy", "H:mm", "{0}, {1}"),
        ["ko"] = new("yyyy. M. d.", "yyyy년 M월 d일", "HH:mm", "{0} {1}"),
    };

    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.Ordinal);

    /// <summary>The language's culture with the portal's patterns as its own ("d", "D", "t", "g"), so a format string
    /// in a page or a mail template ({0:D}) writes the portal's style too. Numbers stay the language's.</summary>
    public static CultureInfo Culture(string language) => Cultures.GetOrAdd(language, static name =>
        {
            var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
            if (Styles.TryGetValue(culture.TwoLetterISOLanguageName, out var style))
            {
                var format = culture.DateTimeFormat;
                format.ShortDatePattern = style.Day;
                format.LongDatePattern = style.LongDay;
                format.ShortTimePattern = style.Clock;
                format.LongTimePattern = style.Clock + ":ss";
                format.FullDateTimePattern = style.LongDay + " " + style.Clock;
            }

            return CultureInfo.ReadOnly(culture);
        });

    private static Style StyleOf(CultureInfo culture) =>
        Styles.GetValueOrDefault(culture.TwoLetterISOLanguageName) ?? Styles["en"];

    private static CultureInfo Current => CultureInfo.CurrentCulture;

    /// <summary>"7 Oct 2024", "7 oct 2024", "2024. 10. 7."</summary>
    public static string Day(DateOnly day, CultureInfo? culture = null) =>
        day.ToString(StyleOf(culture ?? Current).Day, culture ?? Current);

    public static string Day(DateTime local, CultureInfo? culture = null) =>
        local.ToString(StyleOf(culture ?? Current).Day, culture ?? Current);

    /// <summary>"7 October 2024", "7 de octubre de 2024", "2024년 10월 7일": a letter's date.</summary>
    public static string LongDay(DateTime local, CultureInfo? culture = null) =>
        local.ToString(StyleOf(culture ?? Current).LongDay, culture ?? Current);

    /// <summary>"10:00" ("9:00" in Spanish).</summary>
    public static string Clock(DateTime local, CultureInfo? culture = null) =>
        local.ToString(StyleOf(culture ?? Current).Clock, culture ?? Current);

    public static string Clock(TimeOnly time, CultureInfo? culture = null) =>
        time.ToString(StyleOf(culture ?? Current).Clock, culture ?? Current);

    /// <summary>"7 Oct 2024, 10:00", "7 oct 2024, 10:00", "2024. 10. 7. 10:00".</summary>
    public static string Moment(DateTime local, CultureInfo? culture = null)
    {
        culture ??= Current;
        return string.Format(culture, StyleOf(culture).Moment, Day(local, culture), Clock(local, culture));
    }

    /// <summary>A zone as a reader knows it: the city of its IANA id ("Asia/Seoul" is "Seoul", "America/Mexico_City"
    /// "Mexico City"); "UTC" for UTC. Abbreviations such as CST name several zones, so they are not used.</summary>
    public static string ZoneName(string timeZoneId)
    {
        var city = timeZoneId[(timeZoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return city is "UTC" or "Etc/UTC" or "Universal" or "Zulu" ? "UTC" : city;
    }

    /// <summary>A moment in a zone, with the zone named: "7 Oct 2024, 10:00 (Seoul)".</summary>
    public static string MomentIn(DateTime utc, string timeZoneId, CultureInfo? culture = null) =>
        $"{Moment(VenueTime.ToLocal(utc, timeZoneId), culture)} ({ZoneName(timeZoneId)})";

    /// <summary>A clock time in a zone, with the zone named: "10:00 (Seoul)".</summary>
    public static string ClockIn(DateTime utc, string timeZoneId, CultureInfo? culture = null) =>
        $"{Clock(VenueTime.ToLocal(utc, timeZoneId), culture)} ({ZoneName(timeZoneId)})";
}
