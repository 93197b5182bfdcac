using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>One visit request: everything the city sent, the answers since, its history, and for staff who may act,
/// accept (on its own page), propose other dates, or decline with a reason.</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization)
    : PageModel,
        IRedisplayAfterRejection
{
    public GetVisitRequest.Details Details { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    [BindProperty]
    public ProposeVisitDates.Command Proposal { get; set; } = new();

    [BindProperty]
    public DeclineVisitRequest.Command Refusal { get; set; } = new();

    public async Task OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, cancellationToken);

    public async Task<IActionResult> OnPostProposeAsync(string reference, CancellationToken cancellationToken)
    {
        await mediator.Send(Proposal, cancellationToken);
        this.Done("VisitRequests.DatesProposedDone");
        return RedirectToPage(null, null, new { reference }, null);
    }

    public async Task<IActionResult> OnPostDeclineAsync(string reference, CancellationToken cancellationToken)
    {
        await mediator.Send(Refusal, cancellationToken);
        this.Done("VisitRequests.DeclinedDone");
        return RedirectToPage(null, null, new { reference }, null);
    }

    public Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        LoadAsync((string)RouteData.Values["reference"]!, cancellationToken);

    private async Task LoadAsync(string reference, CancellationToken cancellationToken)
    {
        Details = await mediator.Send(new GetVisitRequest.Query(reference), cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditVisits)).Succeeded;
        var request = Details.Request;
        // A redisplayed form keeps what was typed; the record it acts on is always the one shown.
        Proposal = Proposal with
        {
            RequestId = request.Id,
            Version = request.Version,
            EarliestDate = Proposal.EarliestDate ?? request.EarliestDate,
            LatestDate = Proposal.LatestDate ?? request.LatestDate,
        };
        Refusal = Refusal with { RequestId = request.Id, Version = request.Version };
    }
}
