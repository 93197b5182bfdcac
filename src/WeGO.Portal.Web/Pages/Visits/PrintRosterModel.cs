using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>What the printed badges and place cards read: the roster in the order of precedence, without the
/// delegates' needs (nothing health-related is ever printed).</summary>
public abstract class PrintRosterModel(IMediator mediator) : PageModel
{
    public GetRoster.Roster Roster { get; private set; } = null!;

    /// <summary>How many fit on one A4 sheet.</summary>
    public abstract int PerSheet { get; }

    public IEnumerable<GetRoster.Member[]> Sheets => Roster.Members.Chunk(PerSheet);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetRoster.Query(id, WithNeeds: false), cancellationToken) is not { } roster)
        {
            return NotFound();
        }

        Roster = roster;
        return Page();
    }
}

/// <summary>Name badges, 2 x 4 on an A4 sheet.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class BadgesModel(IMediator mediator) : PrintRosterModel(mediator)
{
    public override int PerSheet => 8;
}

/// <summary>Table place cards, folded tent cards, 2 on an A4 sheet.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class PlaceCardsModel(IMediator mediator) : PrintRosterModel(mediator)
{
    public override int PerSheet => 2;
}
