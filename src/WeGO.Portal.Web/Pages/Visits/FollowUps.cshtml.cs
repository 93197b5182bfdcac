using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>Adds a follow-up to a visit: what, who owns it, by when.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class FollowUpsModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public AddFollowUp.Command Input { get; set; } = new();

    public GetVisitTopics.Result Visit { get; private set; } = null!;

    public IReadOnlyList<ListStaffForChoice.Choice> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Most follow-ups are taken on by whoever writes them down.
        Input = new AddFollowUp.Command { VisitId = id, OwnerUserId = User.FindFirstValue(ClaimTypes.NameIdentifier) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Input = Input with { VisitId = id };
        await mediator.Send(Input, cancellationToken);
        return RedirectToPage("/Visits/Details", null, new { id }, "follow-ups");
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisitTopics.Query(id), cancellationToken) is not { } visit)
        {
            return false;
        }

        Visit = visit;
        Staff = await mediator.Send(new ListStaffForChoice.Query(), cancellationToken);
        return true;
    }
}
