using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.FollowUps;

namespace WeGO.Portal.Web.Pages.FollowUps;

/// <summary>Every overdue follow-up, whoever owns it, the longest overdue first.</summary>
public sealed class OverdueModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListOverdueFollowUps.Result Result { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await mediator.Send(new ListOverdueFollowUps.Query(PageNumber), cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditVisits)).Succeeded;
    }
}
