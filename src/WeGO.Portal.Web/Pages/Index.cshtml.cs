using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WeGO.Portal.Application.Home;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages;

[OutputCache(PolicyName = PublicPages.Home)]
public sealed class IndexModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    /// <summary>Null for visitors who may not read visits: they see what the portal is and how to sign in.</summary>
    public GetHomeOverview.Overview? Overview { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if ((await authorization.AuthorizeAsync(User, WebSetup.Policies.ReadVisits)).Succeeded)
        {
            Overview = await mediator.Send(new GetHomeOverview.Query(), cancellationToken);
        }
    }
}
