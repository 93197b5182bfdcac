using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Pages.Account;

public sealed class SignInModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    IStringLocalizer<UiText> text,
    ILogger<SignInModel> logger
) : PageModel
{
    private static readonly StaffUser StandIn = new();

    /// <summary>A hash of a random password made by the portal's own hasher (so it costs as much to check as a real
    /// one), made on the first refusal that needs it.</summary>
    private static string? standInHash;

    [BindProperty]
    [Required(ErrorMessage = "Binding.Required")]
    [EmailAddress(ErrorMessage = "Binding.Email")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Binding.Required")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Identity checks no password for an unknown, locked, disabled or not-allowed account; a stand-in hash is
        // checked for them instead, so every refusal costs one password check and takes as long as a wrong password.
        var account = await users.FindByNameAsync(Email.Trim());
        var checksPassword =
            account is not null && !await users.IsLockedOutAsync(account) && await signIn.CanSignInAsync(account);
        var result = account is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password, RememberMe, lockoutOnFailure: true);
        if (!checksPassword)
        {
            standInHash ??= users.PasswordHasher.HashPassword(StandIn, Guid.NewGuid().ToString("N"));
            users.PasswordHasher.VerifyHashedPassword(StandIn, standInHash, Password);
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; Identity's two-factor cookie remembers who is halfway in.
            return RedirectToPage("SignInTwoFactor", new { ReturnUrl, RememberMe });
        }

        // One answer for a wrong password, an unknown address, a locked and a disabled account, so the form tells
        // nobody which addresses have accounts; the log keeps which it was.
        if (result.IsLockedOut && account is { IsDisabled: true })
        {
            logger.LogWarning("Sign-in refused: account disabled");
        }
        else if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account locked out");
        }
        else
        {
            logger.LogInformation("Sign-in failed");
        }

        ModelState.AddModelError(string.Empty, text["SignIn.Failed"]);
        return Page();
    }
}
