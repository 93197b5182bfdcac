using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>Records the topics a delegation raised, and removes one recorded by mistake.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class TopicsModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public RecordTopic.Command Input { get; set; } = new();

    public GetVisitTopics.Result Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { VisitId = id }, cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(
        int id,
        int topicId,
        int version,
        CancellationToken cancellationToken
    )
    {
        await mediator.Send(new RemoveTopic.Command(id, version, topicId), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisitTopics.Query(id), cancellationToken) is not { } visit)
        {
            return false;
        }

        Visit = visit;
        return true;
    }
}
