using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Identity;

/// <summary>Adds the display name, the time zone, the two-factor and the "must change password" flags to the sign-in
/// cookie.</summary>
public sealed class StaffClaims(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options
) : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "portal:display_name";
    public const string MustChangePassword = "portal:must_change_password";

    /// <summary>Present when the staff member has two-factor sign-in on (<see cref="TwoFactorGate"/>).</summary>
    public const string TwoFactor = "portal:two_factor";

    /// <summary>The zone the staff member chose in their profile (<see cref="StaffUser.TimeZoneId"/>); absent until
    /// they have, when the Secretariat's applies.</summary>
    public const string TimeZone = "portal:time_zone";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(
            new Claim(DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName)
        );
        if (user.TimeZoneId is { Length: > 0 } zone)
        {
            identity.AddClaim(new Claim(TimeZone, zone));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactor, "true"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }

        return identity;
    }
}
