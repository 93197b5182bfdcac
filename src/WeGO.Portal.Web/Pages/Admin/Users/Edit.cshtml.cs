using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web.Http;

namespace WeGO.Portal.Web.Pages.Admin.Users;

public sealed class EditModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public ChangeStaffRoles.Command Input { get; set; } = new();

    public ListStaffUsers.Row? Person { get; private set; }

    public bool Saved { get; private set; }

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
        Saved = true;
        Person = await Find(id, cancellationToken);
        return Page();
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Person = await Find(RouteData.Values["id"]?.ToString() ?? "", cancellationToken);

    private async Task<ListStaffUsers.Row?> Find(string id, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListStaffUsers.Query(id), cancellationToken)).SingleOrDefault();
}
