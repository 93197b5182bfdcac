using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Committee;

/// <summary>Records a meeting of the Executive Committee.</summary>
[Authorize(Policy = WebSetup.Policies.EditInquiries)]
public sealed class ScheduleModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public ScheduleCommitteeMeeting.Command Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = await mediator.Send(Input, cancellationToken);
        this.Done("Committee.Flash.Scheduled");
        return RedirectToPage("Meeting", new { id = id.Value });
    }
}
