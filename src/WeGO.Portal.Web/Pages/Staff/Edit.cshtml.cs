using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Staff;

public sealed class EditModel(IMediator mediator, UserManager<StaffUser> users, SignInManager<StaffUser> signIn)
    : PageModel,
        IRedisplayAfterRejection
{
    [BindProperty]
    public ChangeStaffRoles.Command Input { get; set; } = new();

    public ListStaffUsers.Row? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Person = await Find(id, cancellationToken);
        if (Person is null)
        {
            return NotFound();
        }

        Input = new ChangeStaffRoles.Command { UserId = id, Roles = [.. Person.Roles] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        Input = Input with { UserId = id };
        await mediator.Send(Input, cancellationToken);

        // A role change ends the user's sessions; an administrator changing their own roles stays signed in, with the
        // new ones.
        if (id == users.GetUserId(User) && await users.FindByIdAsync(id) is { } self)
        {
            await signIn.RefreshSignInAsync(self);
        }

        this.Done("Common.Saved");
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken) =>
        ChangeAccountAsync(id, new DisableStaffAccount.Command(id), "Staff.AccountDisabled", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken) =>
        ChangeAccountAsync(id, new EnableStaffAccount.Command(id), "Staff.AccountEnabled", cancellationToken);

    /// <summary>A colleague's lost authenticator: two factors off, their sessions ended, audited.</summary>
    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken cancellationToken) =>
        ChangeAccountAsync(id, new ResetStaffTwoFactor.Command(id), "TwoFactor.WasReset", cancellationToken);

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        Person = await Find(RouteData.Values["id"]?.ToString() ?? "", cancellationToken);
        if (Person is not null && string.IsNullOrEmpty(Input.UserId))
        {
            // Refused by the disable or enable button: the roles form shows the roles as they are.
            Input = new ChangeStaffRoles.Command { UserId = Person.Id, Roles = [.. Person.Roles] };
        }
    }

    private async Task<IActionResult> ChangeAccountAsync(
        string id,
        ICommand command,
        string flash,
        CancellationToken cancellationToken
    )
    {
        Input = new ChangeStaffRoles.Command();
        await mediator.Send(command, cancellationToken);
        this.Done(flash);
        return RedirectToPage(new { id });
    }

    private async Task<ListStaffUsers.Row?> Find(string id, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListStaffUsers.Query(id), cancellationToken)).SingleOrDefault();
}
