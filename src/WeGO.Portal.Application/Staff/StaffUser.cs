using Microsoft.AspNetCore.Identity;

namespace WeGO.Portal.Application.Staff;

/// <summary>A Secretariat member who signs in to the portal.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The length ASP.NET Core Identity gives its email and user-name columns.</summary>
    public const int EmailMaxLength = 256;

    public string DisplayName { get; set; } = "";

    /// <summary>Set for generated passwords: the user must choose their own at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The IANA zone the staff member reads times in; null until chosen, when the Secretariat's
    /// (<see cref="SecretariatSettings.TimeZone"/>) applies.</summary>
    public string? TimeZoneId { get; set; }

    public static bool IsKnownZone(string? timeZoneId) =>
        timeZoneId is { Length: > 0 and <= Domain.Visits.VenueTime.ZoneIdMaxLength }
        && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    /// <summary>What <see cref="IdentityUser.LockoutEnd"/> holds for an account an administrator disabled: locked out
    /// for good, so sign-in refuses it like a locked account and the calendar feed, which checks lockout,
    /// closes.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public bool IsDisabled => LockoutEnd == DisabledUntil;
}
