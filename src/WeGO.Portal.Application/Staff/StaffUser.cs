using Microsoft.AspNetCore.Identity;

namespace WeGO.Portal.Application.Staff;

/// <summary>A Secretariat member who signs in to the portal.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for generated passwords: the user must choose their own at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
