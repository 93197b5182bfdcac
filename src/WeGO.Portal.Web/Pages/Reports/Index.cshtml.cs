using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Web.Pages.Reports;

/// <summary>Every visit report, filtered by state.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReviewState? State { get; set; }

    public ListVisitReports.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new ListVisitReports.Query(State), cancellationToken);
}
