using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>A delegation's roster to read, for everyone who reads visits (program directors included); staff change it
/// on <see cref="RosterModel"/>.</summary>
public sealed class DelegationModel(IMediator mediator) : PageModel
{
    public GetRoster.Roster Roster { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetRoster.Query(id), cancellationToken) is not { } roster)
        {
            return NotFound();
        }

        Roster = roster;
        return Page();
    }
}
