using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Inquiries;

/// <summary>One inquiry: what was sent, where it stands, the city context, notes and history. Staff who may change it
/// get the forms to move, assign and note it (they post to <c>/Inquiries/Change</c>); program directors read.</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    public GetInquiry.Details Inquiry { get; private set; } = null!;

    public InquiryWork? Work { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanAnonymize { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetInquiry.Query(id), cancellationToken) is not { } inquiry)
        {
            return NotFound();
        }

        Inquiry = inquiry;
        CanEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditInquiries)).Succeeded;
        CanAnonymize = (await authorization.AuthorizeAsync(User, WebSetup.Policies.Administration)).Succeeded;
        if (CanEdit)
        {
            Work = new InquiryWork(inquiry, await mediator.Send(new AssignInquiry.ChoicesQuery(), cancellationToken));
        }

        return Page();
    }
}
