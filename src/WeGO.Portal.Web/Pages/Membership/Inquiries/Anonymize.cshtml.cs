using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership.Inquiries;

/// <summary>An administrator confirms erasing the inquirer's personal data (declined or withdrawn inquiries
/// only).</summary>
[Authorize(Policy = WebSetup.Policies.Administration)]
public sealed class AnonymizeModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public int Version { get; set; }

    public GetInquiry.Details Inquiry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetInquiry.Query(id), cancellationToken) is not { } inquiry)
        {
            return NotFound();
        }

        Inquiry = inquiry;
        Version = inquiry.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new AnonymizeInquiry.Command(id, Version), cancellationToken);
        this.Done("Inquiries.Flash.Anonymized");
        return RedirectToPage("Details", new { id });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        Inquiry = await mediator.Send(new GetInquiry.Query(this.RouteId()), cancellationToken)
            ?? throw new DomainException("Inquiry.NotFound");
        Version = Inquiry.Version;
        ModelState.Remove(nameof(Version));
    }
}
