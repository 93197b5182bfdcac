using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>Confirm, complete or cancel a visit. The buttons live on the visit page; cancelling asks for a reason
/// here.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class StatusModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public CancelVisit.Command Input { get; set; } = new();

    public GetVisit.Details Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisit.Query(id), cancellationToken) is not { } visit)
        {
            return NotFound();
        }

        Visit = visit;
        Input = new CancelVisit.Command { VisitId = id, Version = visit.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, int version, CancellationToken cancellationToken)
    {
        await mediator.Send(new ConfirmVisit.Command(id, version), cancellationToken);
        this.Done("Flash.VisitConfirmed");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        await mediator.Send(new CompleteVisit.Command(id, version), cancellationToken);
        this.Done("Flash.VisitCompleted");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { VisitId = id }, cancellationToken);
        this.Done("Flash.VisitCancelled");
        return RedirectToPage("Details", new { id });
    }

    /// <summary>After a refusal the page shows the visit as it is now, and the next attempt is made against that
    /// version.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        Visit = await mediator.Send(new GetVisit.Query(id), cancellationToken)
            ?? throw new DomainException("Visit.NotFound");
        Input = Input with { VisitId = id, Version = Visit.Version };
        ModelState.Remove("Input.Version");
    }
}
