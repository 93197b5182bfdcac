using System.Text;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Account;

/// <summary>A staff member's own two-factor sign-in: enrol an authenticator app (a QR code or the key typed in, then
/// one code to confirm), see the recovery codes once, take new ones, or turn it off (not an administrator while the
/// installation requires it).</summary>
public sealed class TwoFactorModel(
    IMediator mediator,
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    IOptions<TwoFactorSettings> settings,
    IServiceScopeFactory scopes
) : PageModel, IRedisplayAfterRejection
{
    private const string Issuer = "WeGO Portal";

    [BindProperty]
    public string Code { get; set; } = "";

    public bool IsOn { get; private set; }

    /// <summary>Administrators may not turn it off, and must enrol before anything else.</summary>
    public bool Required => settings.Value.RequiredForAdministrators && User.IsInRole(Roles.Administrator);

    /// <summary>The shared key in groups of four, to type into an app that cannot scan.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The enrolment's QR code, a PNG as a data: address (the CSP allows data: images).</summary>
    public string QrCode { get; private set; } = "";

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadForRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        RecoveryCodes = await mediator.Send(
            new TurnOnTwoFactor.Command(users.GetUserId(User)!, Code),
            cancellationToken
        );
        // The sign-in now carries the second factor, so the administrators' gate opens. The account is read again: the
        // command gave it a new security stamp, which the refreshed sign-in must carry.
        await signIn.RefreshSignInAsync(await Me());
        IsOn = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        RecoveryCodes = await mediator.Send(new RenewRecoveryCodes.Command(users.GetUserId(User)!), cancellationToken);
        IsOn = true;
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new TurnOffTwoFactor.Command(users.GetUserId(User)!), cancellationToken);
        // Turning it off ends every session (a new security stamp, so the account is read again); this browser stays
        // signed in.
        await signIn.RefreshSignInAsync(await Me());
        this.Done("TwoFactor.TurnedOff");
        return RedirectToPage();
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var user = await Me();
        IsOn = await users.GetTwoFactorEnabledAsync(user);
        if (IsOn)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = await NewKeyAsync(user.Id);
        }

        Key = Grouped(key);
        QrCode = QrCodeFor(user.Email ?? user.UserName ?? "", key);
    }

    /// <summary>A key nobody has enrolled yet, stored as a token without the new security stamp that
    /// ResetAuthenticatorKeyAsync would give (which would end the person's sessions). Tabs opened at the same moment
    /// (a browser restoring them) may each find no key: the first to store one keeps it, and the others' writes fail
    /// (on the token's key, or on the account's concurrency stamp, which Identity answers as a failed result) and
    /// show the key stored. Each attempt reads the account afresh in a scope of its own, since a failed write leaves
    /// its context holding the key that lost.</summary>
    private async Task<string> NewKeyAsync(string userId)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var fresh = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var account = await fresh.FindByIdAsync(userId)
                ?? throw new InvalidOperationException("A signed-in user has no account.");
            if (await fresh.GetAuthenticatorKeyAsync(account) is { Length: > 0 } stored)
            {
                return stored;
            }

            var key = fresh.GenerateNewAuthenticatorKey();
            try
            {
                var result = await fresh.SetAuthenticationTokenAsync(
                    account,
                    "[AspNetUserStore]",
                    "AuthenticatorKey",
                    key
                );
                if (result.Succeeded)
                {
                    return key;
                }

                if (attempt == attempts)
                {
                    StaffAccountsCheck(result);
                }
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
                // Another tab stored its key first: the next attempt reads it.
            }
        }
    }

    private async Task<StaffUser> Me() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user has no account.");

    private static void StaffAccountsCheck(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd();
    }

    private static string QrCodeFor(string email, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(email)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
