using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Testing;

/// <summary>Two-factor sign-in for the suite's administrators. The portal requires it of administrators (the
/// production default, which the tests keep), so the helpers that sign in through the form
/// (<see cref="PortalClient.SignInAsync"/>, the browser journeys') enrol an administrator's authenticator the first
/// time they sign in as one, and answer the code page with a code computed from the key, as the person's phone
/// would.</summary>
public partial class PortalFactory
{
    /// <summary>One enrolment at a time: journeys that sign the administrator in from several browsers at once (the
    /// accessibility audit's languages) would otherwise each find no key and each insert one, and the second insert
    /// breaks the token table's key.</summary>
    private readonly SemaphoreSlim enrolling = new(1, 1);

    /// <summary>The authenticator key of <paramref name="email"/>'s account when it signs in with two factors (an
    /// administrator without them is enrolled now, straight through Identity), or null when it signs in with a
    /// password alone.</summary>
    public async Task<string?> AuthenticatorKeyForSignInAsync(string email)
    {
        await enrolling.WaitAsync();
        try
        {
            return await AuthenticatorKeyAsync(email);
        }
        finally
        {
            enrolling.Release();
        }
    }

    private async Task<string?> AuthenticatorKeyAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return await users.GetAuthenticatorKeyAsync(user);
        }

        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            return null;
        }

        // As the enrolment page does it (a key, then two factors on), minus the code the person's app would confirm.
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return await users.GetAuthenticatorKeyAsync(user);
    }

    /// <summary>The code an authenticator app shows now for <paramref name="key"/> (as the page shows it, in groups
    /// or not). Identity checks it against the real clock (±2 steps of 30 s), not the portal's
    /// <see cref="TimeProvider"/>, so a portal on a <see cref="FixedClock"/> takes it too.</summary>
    public static string AuthenticatorCode(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(
            DateTime.UtcNow
        );

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
