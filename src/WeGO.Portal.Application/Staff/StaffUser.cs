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

    /// <summary>What <see cref="IdentityUser.LockoutEnd"/> holds for an account an administrator disabled: locked out
    /// for good, so sign-in refuses it like a locked account and the calendar feed, which checks lockout,
    /// closes.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public bool IsDisabled => LockoutEnd == DisabledUntil;
}
