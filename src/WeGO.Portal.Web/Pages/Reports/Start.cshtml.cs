using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Reports;

/// <summary>Starts the report of a completed visit (route id: the visit). A visit that has one opens it; a visit
/// not yet completed is told so.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class StartModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    public GetVisit.Details Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Visit.Report?.Id is { } reportId ? RedirectToPage("Details", new { id = reportId }) : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new StartVisitReport.Command(id), cancellationToken);
        return RedirectToPage("Edit", new { id = created.Value });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisit.Query(id), cancellationToken) is not { } visit)
        {
            return false;
        }

        Visit = visit;
        return true;
    }
}
