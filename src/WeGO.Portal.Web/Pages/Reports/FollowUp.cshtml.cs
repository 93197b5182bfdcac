using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Reports;

/// <summary>The small follow-up form under a report being written adds a follow-up to the report's visit, through the
/// same use case as the visit's own follow-up page. A refused one is shown here, with the form to correct it.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class FollowUpModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public AddFollowUp.Command NewFollowUp { get; set; } = new();

    public GetVisitReport.Details Report { get; private set; } = null!;

    public IReadOnlyList<ListStaffForChoice.Choice> Staff { get; private set; } = [];

    public IActionResult OnGet(int id) => RedirectToPage("Edit", null, new { id }, "follow-ups");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await mediator.Send(NewFollowUp with { VisitId = Report.VisitId }, cancellationToken);
        this.Done("Flash.ReportFollowUpAdded");
        return RedirectToPage("Edit", null, new { id }, "follow-ups");
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisitReport.Query(id), cancellationToken) is not { } report)
        {
            return false;
        }

        Report = report;
        Staff = await mediator.Send(new ListStaffForChoice.Query(), cancellationToken);
        return true;
    }
}
