using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Applications;

/// <summary>The Secretariat's queue of membership applications.</summary>
public sealed class IndexModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ApplicationState? State { get; set; }

    public IReadOnlyList<ListApplications.Row> Applications { get; private set; } = [];

    /// <summary>Whether the reader may open a new application (the New page's policy).</summary>
    public bool MayOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Applications = await mediator.Send(new ListApplications.Query(State), cancellationToken);
        MayOpen = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditInquiries)).Succeeded;
    }
}
