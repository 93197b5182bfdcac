using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Pages.Account;

/// <summary>The second step of a password sign-in with two factors on: the code the authenticator app shows. Wrong
/// codes count towards the account's lockout like wrong passwords.</summary>
public sealed class SignInTwoFactorModel(
    SignInManager<StaffUser> signIn,
    IStringLocalizer<UiText> text,
    ILogger<SignInTwoFactorModel> logger
) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Binding.Required")]
    [StringLength(TurnOnTwoFactor.CodeMaxLength, ErrorMessage = "Binding.Invalid")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(
            TwoFactorSettings.Compact(Code),
            RememberMe,
            rememberClient: false
        );
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Two-factor sign-in refused: account locked out");
            ModelState.AddModelError(string.Empty, text["TwoFactor.LockedOut"]);
        }
        else
        {
            logger.LogInformation("Two-factor sign-in failed: wrong code");
            ModelState.AddModelError(nameof(Code), text["TwoFactor.CodeNotRight"]);
        }

        return Page();
    }
}
