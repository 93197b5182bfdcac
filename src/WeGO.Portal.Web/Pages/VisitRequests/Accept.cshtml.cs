using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>Accepting a city's request: the visit's form, prefilled from the request; saving creates the visit in the
/// Requested state and opens it.</summary>
public sealed class AcceptModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    public VisitRequest VisitRequest { get; private set; } = null!;

    [BindProperty]
    public AcceptVisitRequest.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        await LoadAsync(reference, cancellationToken);
        if (!VisitRequest.CanAccept)
        {
            return RedirectToPage("Details", new { reference });
        }

        Input = AcceptVisitRequest.Command.PrefilledFrom(VisitRequest);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        var visit = await mediator.Send(Input, cancellationToken);
        this.Done("VisitRequests.AcceptedDone", reference);
        return RedirectToPage("/Visits/Details", new { id = visit.Value });
    }

    public Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        LoadAsync((string)RouteData.Values["reference"]!, cancellationToken);

    private async Task LoadAsync(string reference, CancellationToken cancellationToken) =>
        VisitRequest = (await mediator.Send(new GetVisitRequest.Query(reference), cancellationToken)).Request;
}
