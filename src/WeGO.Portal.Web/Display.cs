using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Web;

/// <summary>How dates, times and places read on the pages, in the current culture.</summary>
public static class Display
{
    /// <summary>"36 delegates", "1 delegate", or that the headcount is not announced yet (0 is "not announced", never a
    /// count).</summary>
    public static string Delegates(IStringLocalizer text, int headcount) =>
        headcount > 0 ? text.Count("Visit.DelegatesCount", headcount) : text["Visit.DelegatesNotAnnounced"];

    /// <summary>A venue time with its zone named, e.g. "7 Oct 2024, 10:00 (Seoul)" (<see cref="Dates"/>).</summary>
    public static string VenueDateTime(DateTime utc, string timeZoneId) => Dates.MomentIn(utc, timeZoneId);

    /// <summary>A venue day, e.g. "7 Oct 2024".</summary>
    public static string VenueDate(DateTime utc, string timeZoneId) => Dates.Day(VenueTime.ToLocal(utc, timeZoneId));

    /// <summary>A venue day for lists; the same as <see cref="VenueDate"/>, which is short enough.</summary>
    public static string VenueShortDate(DateTime utc, string timeZoneId) => VenueDate(utc, timeZoneId);

    public static string VenueClock(DateTime utc, string timeZoneId) => Dates.Clock(VenueTime.ToLocal(utc, timeZoneId));

    public static string Clock(TimeOnly? time) => time is { } clock ? Dates.Clock(clock) : "";

    public static string Date(DateOnly date) => Dates.Day(date);

    /// <summary>The country's name in the page's language, from CLDR.</summary>
    public static string Country(string code) =>
        Domain.Organizations.Countries.NameIn(code, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> CountryLists =
        new();

    /// <summary>Every country by name, in the current culture's order: a public form's list, sorted once per
    /// language rather than on every request.</summary>
    public static IReadOnlyList<(string Code, string Name)> Countries() =>
        CountryLists.GetOrAdd(
            CultureInfo.CurrentUICulture.Name,
            static (_, culture) =>
                Domain
                    .Organizations.Countries.Codes.Select(code => (Code: code, Name: Country(code)))
                    .OrderBy(c => c.Name, StringComparer.Create(culture, ignoreCase: false))
                    .ToList(),
            CultureInfo.CurrentUICulture
        );

    public static string StatusBadge(VisitStatus status) =>
        status switch
        {
            VisitStatus.Requested => "text-bg-warning",
            VisitStatus.Confirmed => "text-bg-primary",
            VisitStatus.Completed => "text-bg-success",
            _ => "text-bg-secondary",
        };

    /// <summary>An audit action ("AgendaItem Added", "Modified") in words: "Agenda item added".</summary>
    public static string AuditAction(Microsoft.Extensions.Localization.IStringLocalizer text, string action)
    {
        var parts = action.Split(' ', 2);
        var (part, verb) = parts.Length == 2 ? (parts[0], parts[1]) : ("Record", parts[0]);
        var label = text[$"Audit.{part}.{verb}"];
        return label.ResourceNotFound ? action : label.Value;
    }
}
