using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Calendar;

/// <summary>The secret in a staff member's calendar-feed address. Calendar apps cannot sign in, so the address
/// itself is the credential: the user's id and security stamp, encrypted and signed with the portal's
/// data-protection keys. A new password or a reset stamp changes the stamp and so revokes every address issued
/// before; losing every staff role closes the feed too.</summary>
public sealed class CalendarFeedTokens(
    IDataProtectionProvider protection,
    UserManager<StaffUser> users,
    IUserClaimsPrincipalFactory<StaffUser> principals,
    IAuthorizationService authorization
)
{
    private const char Separator = '\n';
    private readonly IDataProtector protector = protection.CreateProtector("WeGO.Portal.CalendarFeed.v1");

    /// <summary>A token for the signed-in user, or null when the principal is no stored user.</summary>
    public async Task<string?> IssueAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? null : protector.Protect(user.Id + Separator + await users.GetSecurityStampAsync(user));
    }

    /// <summary>The user a token was issued to, as a signed-in principal with their roles, if it is genuine, their
    /// stamp is unchanged, they are not locked out and they may still read visits; otherwise null.</summary>
    public async Task<ClaimsPrincipal?> ReadAsync(string token)
    {
        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = payload.Split(Separator);
        if (parts.Length != 2 || await users.FindByIdAsync(parts[0]) is not { } user)
        {
            return null;
        }

        var stamp = await users.GetSecurityStampAsync(user);
        if (
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(parts[1]))
            || await users.IsLockedOutAsync(user)
        )
        {
            return null;
        }

        var principal = await principals.CreateAsync(user);
        return (await authorization.AuthorizeAsync(principal, WebSetup.Policies.ReadVisits)).Succeeded
            ? principal
            : null;
    }
}
