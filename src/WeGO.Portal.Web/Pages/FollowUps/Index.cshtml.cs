using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.FollowUps;

namespace WeGO.Portal.Web.Pages.FollowUps;

/// <summary>"My follow-ups": what the signed-in colleague owns. Program directors read; staff also close and
/// reopen.</summary>
public sealed class IndexModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<FollowUpView> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await mediator.Send(new ListMyFollowUps.Query(), cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditVisits)).Succeeded;
    }
}
