using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Staff;

/// <summary>Where the Secretariat works (<c>Portal:Secretariat</c>): its time zone is every new staff member's until
/// they choose their own, and the one anonymous pages show times in when a visit has none of its own.</summary>
public sealed class SecretariatSettings
{
    public const string Section = "Portal:Secretariat";

    /// <summary>An IANA time-zone id; the portal refuses to start with one it does not know.</summary>
    public string TimeZone { get; set; } = VenueTime.Seoul;

    public static bool IsValid(SecretariatSettings settings) => StaffUser.IsKnownZone(settings.TimeZone);
}
