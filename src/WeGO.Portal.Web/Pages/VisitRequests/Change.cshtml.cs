using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>Propose other dates for a request or decline it. The forms sit on the request's page; after a refusal
/// they are shown here with the message, the request as it now is, and what the user typed.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class ChangeModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public ProposeVisitDates.Command Proposal { get; set; } = new();

    [BindProperty]
    public DeclineVisitRequest.Command Refusal { get; set; } = new();

    public RequestWork Work { get; private set; } = null!;

    public Task OnGetAsync(string reference, CancellationToken cancellationToken) =>
        LoadAsync(reference, cancellationToken);

    public async Task<IActionResult> OnPostProposeAsync(string reference, CancellationToken cancellationToken)
    {
        await mediator.Send(Proposal, cancellationToken);
        this.Done("VisitRequests.DatesProposedDone");
        return RedirectToPage("Details", new { reference });
    }

    public async Task<IActionResult> OnPostDeclineAsync(string reference, CancellationToken cancellationToken)
    {
        await mediator.Send(Refusal, cancellationToken);
        this.Done("VisitRequests.DeclinedDone");
        return RedirectToPage("Details", new { reference });
    }

    public Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        LoadAsync((string)RouteData.Values["reference"]!, cancellationToken);

    private async Task LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var details = await mediator.Send(new GetVisitRequest.Query(reference), cancellationToken);
        Work = RequestWork.For(details.Request, Proposal, Refusal);
    }
}
