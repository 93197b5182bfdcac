using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.News;

namespace WeGO.Portal.Web.Pages.News;

/// <summary>Every release for staff, with its language versions and whether each is published. Directors read it
/// too.</summary>
public sealed class ManageModel(IMediator mediator) : PageModel
{
    public ListNewsReleases.Result Releases { get; private set; } = new([], 0, 1);

    public async Task OnGetAsync(int page = 1, CancellationToken cancellationToken = default) =>
        Releases = await mediator.Send(new ListNewsReleases.Query(page), cancellationToken);
}
