using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>The confirmation after the form: the reference, the status link to keep, and what happens next.
/// Without a token (the honeypot's answer) it looks the same but names nothing.</summary>
public sealed class SentModel(IMediator mediator) : PageModel
{
    public GetInquiryStatus.Status? Inquiry { get; private set; }

    public string? StatusLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        StatusLinks.KeepPrivate(Response);
        if (token is null)
        {
            return Page();
        }

        Inquiry = await mediator.Send(new GetInquiryStatus.Query(token), cancellationToken);
        if (Inquiry is null)
        {
            return NotFound();
        }

        StatusLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Membership/Status/{token}";
        return Page();
    }
}
