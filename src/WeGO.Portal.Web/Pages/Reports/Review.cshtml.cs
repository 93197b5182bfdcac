using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Reports;

/// <summary>A program director reads a submitted report and approves it or sends it back with a comment.</summary>
[Authorize(Policy = WebSetup.Policies.ReviewReports)]
public sealed class ReviewModel(IMediator mediator, ICurrentActor actor, IOptions<ReportSettings> settings)
    : PageModel,
        IRedisplayAfterRejection
{
    [BindProperty]
    public RequestReportChanges.Command Input { get; set; } = new();

    public GetVisitReport.Details Report { get; private set; } = null!;

    /// <summary>Whether this reader may approve: the report awaits review and they did not write it (unless a
    /// one-person office allows it).</summary>
    public bool CanApprove => Report.CanReview && settings.Value.MayApprove(Report.AuthorId, actor.UserId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new RequestReportChanges.Command { ReportId = id, Version = Report.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new ApproveVisitReport.Command(id, Input.Version), cancellationToken);
        this.Done("Flash.ReportApproved");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostRequestChangesAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { ReportId = id }, cancellationToken);
        this.Done("Flash.ReportChangesRequested");
        return RedirectToPage("Queue");
    }

    /// <summary>After a refusal (the report changed or was decided meanwhile) the page shows the report as it is
    /// now.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        if (await LoadAsync(id, cancellationToken))
        {
            Input = Input with { ReportId = id, Version = Report.Version };
            ModelState.Remove("Input.Version");
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisitReport.Query(id), cancellationToken) is not { } report)
        {
            return false;
        }

        Report = report;
        return true;
    }
}
