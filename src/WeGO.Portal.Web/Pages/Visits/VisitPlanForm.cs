using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>What the shared schedule/edit fields show: the plan being typed and the people who can host.</summary>
public sealed record VisitPlanForm(VisitPlan Plan, GetVisitFormChoices.Choices Choices)
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
