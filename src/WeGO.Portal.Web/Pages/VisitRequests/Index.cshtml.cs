using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.VisitRequests;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>The triage queue of visit requests: waiting for the Secretariat, waiting for the city, recently decided.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListVisitRequests.Triage Queue { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Queue = await mediator.Send(new ListVisitRequests.Query(), cancellationToken);
}
