using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>The page the shared schedule/edit fields (_VisitPlanFields) sit on: the plan being typed, bound as
/// <c>Input</c> so each field is named <c>Input.Venue</c> by its form-field, and the people who can host.</summary>
public interface IVisitPlanPage
{
    VisitPlan Input { get; }

    GetVisitFormChoices.Choices Choices { get; }
}

/// <summary>The time zones the visit plan offers.</summary>
public static class VisitPlanForm
{
    private static readonly string[] CommonZones =
    [
        VenueTime.Seoul,
        "Asia/Tokyo",
        "Asia/Shanghai",
        "Asia/Kuala_Lumpur",
        "Asia/Singapore",
        "Asia/Jakarta",
        "Asia/Bangkok",
        "Asia/Ho_Chi_Minh",
        "Asia/Manila",
        "Asia/Kolkata",
        "Asia/Almaty",
        "Asia/Tashkent",
        "Asia/Dubai",
        "Europe/Istanbul",
        "Europe/London",
        "Europe/Paris",
        "Europe/Madrid",
        "Africa/Lagos",
        "Africa/Nairobi",
        "Africa/Cairo",
        "America/Guayaquil",
        "America/Bogota",
        "America/Mexico_City",
        "America/Sao_Paulo",
        "America/New_York",
        "America/Los_Angeles",
        "Australia/Sydney",
        "UTC",
    ];

    /// <summary>The zones a venue is usually in, plus the one already chosen.</summary>
    public static IEnumerable<string> TimeZones(string current) =>
        CommonZones.Contains(current) || string.IsNullOrEmpty(current) ? CommonZones : CommonZones.Append(current);
}

/// <summary>The double-booking warning of the schedule and edit forms, with its go-ahead button.</summary>
public sealed record ConflictsWarning(IReadOnlyList<VisitConflict> Conflicts, string ButtonId, string ButtonText);
