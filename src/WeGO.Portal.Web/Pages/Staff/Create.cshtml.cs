using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Pages.Staff;

public sealed class CreateModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public CreateStaffUser.Command Input { get; set; } = new() { Roles = [Roles.SecretariatStaff] };

    public CreateStaffUser.Result? Created { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Created = await mediator.Send(Input, cancellationToken);
        return Page();
    }
}
