using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>A delegation's roster to read, for everyone who reads visits (program directors included); staff change it
/// on <see cref="RosterModel"/>.</summary>
public sealed class DelegationModel(IMediator mediator) : PageModel
{
    public GetRoster.Roster Roster { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetRoster.Query(id), cancellationToken) is not { } roster)
        {
            return NotFound();
        }

        Roster = roster;
        return Page();
    }

    /// <summary>The roster as a CSV file in the import's columns; the needs only for the staff who may see
    /// them.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetRoster.Query(id), cancellationToken) is not { } roster)
        {
            return NotFound();
        }

        return File(
            await ExportRoster.FileAsync(roster, cancellationToken),
            "text/csv; charset=utf-8",
            ExportRoster.FileName(roster)
        );
    }
}
