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

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // One answer for a wrong password, an unknown address, a locked and a disabled account, so the form tells
        // nobody which addresses have accounts; the log keeps which it was.
        if (result.IsLockedOut && await users.FindByEmailAsync(Email.Trim()) is { IsDisabled: true })
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
