using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Reports;

/// <summary>A visit report as everyone reads and prints it, with its kept versions and the review conversation.
/// Staff and directors both take part in the conversation, so commenting lives here, open to every reader.</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization)
    : PageModel,
        IRedisplayAfterRejection
{
    [BindProperty]
    public CommentOnReport.Command NewComment { get; set; } = new();

    public GetVisitReport.Details Report { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(NewComment with { ReportId = id }, cancellationToken);
        this.Done("Flash.ReportCommented");
        return RedirectToPage("Details", null, new { id }, "conversation");
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
        CanEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditVisits)).Succeeded;
        CanReview = (await authorization.AuthorizeAsync(User, WebSetup.Policies.ReviewReports)).Succeeded;
        return true;
    }
}
