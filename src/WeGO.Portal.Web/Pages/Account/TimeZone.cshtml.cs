using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Account;

/// <summary>The signed-in staff member's time zone: what every list, history and the calendar show times in.</summary>
public sealed class TimeZoneModel(
    IMediator mediator,
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    ViewerTime viewer,
    TimeProvider clock
) : PageModel
{
    [BindProperty]
    public ChooseTimeZone.Command Input { get; set; } = new();

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public void OnGet() => Input = new ChooseTimeZone.Command { TimeZoneId = viewer.ZoneId };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await mediator.Send(Input with { UserId = user.Id }, cancellationToken);

        // The zone travels in the sign-in cookie: the next page reads times in it.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(user.Id))!);
        this.Done("Common.Saved");
        return RedirectToPage();
    }
}
