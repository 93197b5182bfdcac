using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Members;

/// <summary>One member: its category and status, its history with what caused each change, and for staff who may
/// change it the form to suspend, reinstate or record its withdrawal (posting to <c>Change</c>).</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization, TimeProvider clock)
    : PageModel
{
    public GetMember.Details Member { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public DateOnly Today => SecretariatCalendar.Today(clock);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetMember.Query(id), cancellationToken) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        CanEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditInquiries)).Succeeded;
        return Page();
    }
}
