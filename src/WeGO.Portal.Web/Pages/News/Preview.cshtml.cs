using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.News;

namespace WeGO.Portal.Web.Pages.News;

/// <summary>A release as readers will see it, draft or published, for every staff role (directors read, not
/// edit).</summary>
public sealed class PreviewModel(IMediator mediator) : PageModel
{
    public GetNewsRelease.Details Release { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetNewsRelease.Query(id), cancellationToken) is not { } release)
        {
            return NotFound();
        }

        Release = release;
        return Page();
    }
}
