using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Baseline.Pages.Baseline;

/// <summary>Baseline for GET /Visits/Details/{id}: GetVisit's handler called directly (the same SQL by construction:
/// the visit with its children in split queries, follow-ups, report state, history), without the mediator and its
/// behaviours. See BaselinePages.cs.</summary>
public sealed class VisitModel(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public GetVisit.Details Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (
            await new GetVisit.Handler(db, actor, clock).Handle(new GetVisit.Query(id), cancellationToken)
            is not { } details
        )
        {
            return NotFound();
        }

        Visit = details;
        return Page();
    }
}
