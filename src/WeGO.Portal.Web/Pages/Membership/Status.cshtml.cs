using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>The private status page of one inquiry, at the link the inquirer received. An unknown token gets the
/// ordinary 404 page, so the page tells nothing about which tokens exist.</summary>
public sealed class StatusModel(IMediator mediator) : PageModel
{
    public GetInquiryStatus.Status Inquiry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        StatusLinks.KeepPrivate(Response);
        var inquiry = await mediator.Send(new GetInquiryStatus.Query(token), cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }

        Inquiry = inquiry;
        return Page();
    }
}
