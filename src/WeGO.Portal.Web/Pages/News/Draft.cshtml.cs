using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.News;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.News;

/// <summary>Drafts a release from an approved visit report in a chosen language (linked from the report page as
/// <c>/News/Draft?reportId=N</c>); languages already drafted are opened instead.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class DraftModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public DraftNewsRelease.Command Input { get; set; } = new();

    public GetReportReleases.Result Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int reportId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reportId, cancellationToken))
        {
            return NotFound();
        }

        Input = new DraftNewsRelease.Command
        {
            ReportId = reportId,
            Language = Report.LanguagesToDraft.FirstOrDefault() ?? "en",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = await mediator.Send(Input, cancellationToken);
        this.Done("Flash.ReleaseDrafted");
        return RedirectToPage("Edit", new { id = id.Value });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(Input.ReportId, cancellationToken))
        {
            Report = new GetReportReleases.Result(
                Input.ReportId,
                0,
                "",
                DateTime.MinValue,
                "UTC",
                Domain.Reports.ReviewState.Draft
            );
        }
    }

    private async Task<bool> LoadAsync(int reportId, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetReportReleases.Query(reportId), cancellationToken) is not { } report)
        {
            return false;
        }

        Report = report;
        return true;
    }
}
