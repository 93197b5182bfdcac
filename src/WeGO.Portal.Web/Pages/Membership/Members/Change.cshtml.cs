using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership.Members;

/// <summary>Records a member's suspension, reinstatement or withdrawal; after a refusal the member is shown here with
/// the message and what the user chose.</summary>
[Authorize(Policy = WebSetup.Policies.EditInquiries)]
public sealed class ChangeModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public ChangeMemberStatus.Command Status { get; set; } = new();

    public GetMember.Details Member { get; private set; } = null!;

    public IActionResult OnGet(int id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Status with { MemberId = id }, cancellationToken);
        this.Done("Members.Flash.StatusChanged");
        return RedirectToPage("Details", new { id });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Member = await mediator.Send(new GetMember.Query(this.RouteId()), cancellationToken)
            ?? throw new DomainException("Member.NotFound");
}
