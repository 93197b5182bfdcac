using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.VisitRequests;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>One visit request: everything the city sent, the answers since, its history, and for staff who may act,
/// accept (on its own page), propose other dates or decline (they post to <c>/VisitRequests/Change</c>).</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    public GetVisitRequest.Details Details { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public RequestWork? Work { get; private set; }

    public async Task OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        Details = await mediator.Send(new GetVisitRequest.Query(reference), cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditVisits)).Succeeded;
        if (CanEdit)
        {
            Work = RequestWork.For(Details.Request, new(), new());
        }
    }
}
