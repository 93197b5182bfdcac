using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Pages.Account;

/// <summary>The second step of a sign-in without the authenticator app: one of the recovery codes, which Identity
/// then forgets, so each works once.</summary>
public sealed class SignInRecoveryModel(
    SignInManager<StaffUser> signIn,
    IStringLocalizer<UiText> text,
    ILogger<SignInRecoveryModel> logger
) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Binding.Required")]
    [StringLength(TurnOnTwoFactor.CodeMaxLength, ErrorMessage = "Binding.Invalid")]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>False when no password sign-in is halfway (it expired, or the address was opened on its own): the
    /// page then says to start with the password.</summary>
    public bool Started { get; private set; } = true;

    public async Task OnGetAsync() => Started = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            Started = false;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(
            TwoFactorSettings.RecoveryCodeAsIssued(RecoveryCode)
        );
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in with a recovery code");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Recovery-code sign-in refused: account locked out");
            ModelState.AddModelError(string.Empty, text["TwoFactor.LockedOut"]);
        }
        else
        {
            logger.LogInformation("Recovery-code sign-in failed");
            ModelState.AddModelError(nameof(RecoveryCode), text["TwoFactor.RecoveryCodeNotRight"]);
        }

        return Page();
    }
}
