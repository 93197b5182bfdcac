using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Reports;

namespace WeGO.Portal.Web.Pages.Reports;

/// <summary>One kept version of a report, as it was submitted or approved.</summary>
public sealed class VersionModel(IMediator mediator) : PageModel
{
    public GetVisitReportVersion.Result Kept { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisitReportVersion.Query(id, number), cancellationToken) is not { } kept)
        {
            return NotFound();
        }

        Kept = kept;
        return Page();
    }
}
