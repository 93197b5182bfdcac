using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Committee;

/// <summary>The Executive Committee's meetings, the latest first, and how many accepted applications wait for
/// one.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListCommitteeMeetings.Result Meetings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Meetings = await mediator.Send(new ListCommitteeMeetings.Query(), cancellationToken);
}
