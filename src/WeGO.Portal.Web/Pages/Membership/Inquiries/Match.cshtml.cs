using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership.Inquiries;

/// <summary>Which city record the inquiry belongs to: match it to an existing one (similar names are offered, and a
/// search finds others) or split it off into a new record when the match was wrong.</summary>
[Authorize(Policy = WebSetup.Policies.EditInquiries)]
public sealed class MatchModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public MatchInquiry.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public MatchInquiry.Candidates Candidates { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMatchAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { InquiryId = id }, cancellationToken);
        this.Done("Inquiries.Flash.Matched");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostSplitAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new SplitInquiry.Command(id, Input.Version), cancellationToken);
        this.Done("Inquiries.Flash.Split");
        return RedirectToPage("Details", new { id });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(this.RouteId(), cancellationToken))
        {
            throw new DomainException("Inquiry.NotFound");
        }

        ModelState.Remove("Input.Version");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new MatchInquiry.CandidatesQuery(id, Search), cancellationToken) is not { } candidates)
        {
            return false;
        }

        Candidates = candidates;
        Input = Input with { InquiryId = id, Version = candidates.Version };
        return true;
    }
}
