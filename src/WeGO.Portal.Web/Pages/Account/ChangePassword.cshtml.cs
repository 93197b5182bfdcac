using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web.Identity;

namespace WeGO.Portal.Web.Pages.Account;

public sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Binding.Required")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Binding.Required")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Binding.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "ChangePassword.Mismatch")]
    public string ConfirmPassword { get; set; } = "";

    public bool MustChange => User.HasClaim(StaffClaims.MustChangePassword, "true");

    public bool Changed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code.StartsWith("Password", StringComparison.Ordinal)
                    && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch)
                        ? nameof(NewPassword)
                        : nameof(CurrentPassword),
                    error.Description
                );
            }

            return Page();
        }

        var wasForced = MustChange;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return wasForced ? RedirectToPage("/Index") : Page();
    }
}
