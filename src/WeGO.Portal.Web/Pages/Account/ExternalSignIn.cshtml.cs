using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Identity;

namespace WeGO.Portal.Web.Pages.Account;

/// <summary>Sign-in through the organisation's provider (<see cref="SingleSignOn"/>): the post sends the browser there,
/// the callback takes the verified answer. An account is found by its link to the provider, else, on first use, by the
/// address the provider vouches for, and then linked; an address with no account is refused and nothing is created.
/// The roles are the portal's (<see cref="StaffClaims"/>), never the provider's.</summary>
[AllowAnonymous]
public sealed class ExternalSignInModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    IOptions<SignInSettings> settings,
    PortalDbContext db,
    TimeProvider clock,
    ILogger<ExternalSignInModel> logger
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Nothing to show: the button posts, the provider comes back to the callback.</summary>
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost()
    {
        if (!settings.Value.SingleSignOn)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/ExternalSignIn", "Callback", new { ReturnUrl });
        return Challenge(
            signIn.ConfigureExternalAuthenticationProperties(SingleSignOn.Scheme, callback),
            SingleSignOn.Scheme
        );
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        if (!settings.Value.SingleSignOn)
        {
            return NotFound();
        }

        var login = await signIn.GetExternalLoginInfoAsync();
        if (login is null)
        {
            logger.LogWarning("Single sign-on callback without a verified answer from the provider");
            return await RefusedAsync("failed");
        }

        var user = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (user is null)
        {
            user = await InvitedAccountAsync(login.Principal);
            if (user is null)
            {
                return await RefusedAsync("unknown");
            }

            if (await users.IsLockedOutAsync(user))
            {
                logger.LogWarning("Single sign-on refused: account disabled or locked out");
                return await RefusedAsync("refused");
            }

            var linked = await users.AddLoginAsync(user, login);
            if (!linked.Succeeded)
            {
                logger.LogWarning(
                    "Single sign-on could not link the account: {Errors}",
                    linked.Errors.Select(e => e.Code)
                );
                return await RefusedAsync("failed");
            }

            db.AuditEntries.Add(
                new AuditEntry(
                    clock.GetUtcNow().UtcDateTime,
                    user.Id,
                    user.DisplayName,
                    nameof(StaffUser),
                    user.Id,
                    "SsoLinked",
                    System.Text.Json.JsonSerializer.Serialize(new { Provider = login.LoginProvider })
                )
            );
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            logger.LogInformation("Single sign-on linked to a staff account on first use");
        }

        var result = await signIn.ExternalLoginSignInAsync(
            login.LoginProvider,
            login.ProviderKey,
            isPersistent: false,
            bypassTwoFactor: true
        );
        if (result.Succeeded)
        {
            // ExternalLoginSignInAsync has dropped the provider's answer and marked the cookie with the provider
            // (ClaimTypes.AuthenticationMethod), which exempts it from the portal's password and two-factor gates.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        logger.LogWarning(
            "Single sign-on refused: {Reason}",
            user.IsDisabled ? "account disabled"
                : result.IsLockedOut ? "account locked out"
                : "not allowed"
        );
        return await RefusedAsync("refused");
    }

    /// <summary>The account an administrator made for the address the provider vouches for; null when there is none,
    /// the address is unverified, or outside the allowed domains.</summary>
    private async Task<StaffUser?> InvitedAccountAsync(ClaimsPrincipal external)
    {
        var oidc = settings.Value.Oidc;
        var email = oidc.ClaimsForEmail.Select(name => Claim(external, name)).FirstOrDefault(v => v is { Length: > 0 });
        if (email is null || !email.Contains('@', StringComparison.Ordinal))
        {
            logger.LogWarning("Single sign-on refused: the provider gave no address");
            return null;
        }

        // Google says whether it checked the address; an address the provider has not checked proves nothing.
        if (Claim(external, "email_verified") is { } verified && !(bool.TryParse(verified, out var yes) && yes))
        {
            logger.LogWarning("Single sign-on refused: the provider has not verified the address");
            return null;
        }

        var domain = email[(email.LastIndexOf('@') + 1)..];
        if (
            oidc.AllowedEmailDomains.Length > 0
            && !oidc.AllowedEmailDomains.Contains(domain, StringComparer.OrdinalIgnoreCase)
        )
        {
            logger.LogWarning("Single sign-on refused: the address is outside the allowed domains");
            return null;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            logger.LogWarning("Single sign-on refused: no staff account has the address");
        }

        return user;
    }

    /// <summary>A claim by its name in the token, or by the name the handler maps it to (email becomes
    /// <see cref="ClaimTypes.Email"/>).</summary>
    private static string? Claim(ClaimsPrincipal principal, string name) =>
        principal.FindFirst(name)?.Value
        ?? (
            JsonWebTokenHandler.DefaultInboundClaimTypeMap.TryGetValue(name, out var mapped)
                ? principal.FindFirst(mapped)?.Value
                : null
        );

    private async Task<IActionResult> RefusedAsync(string why)
    {
        // The provider's answer is dropped: nothing of it stays in the browser.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        return RedirectToPage("/Account/SignIn", new { sso = why });
    }
}
