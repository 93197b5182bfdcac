using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership.Applications;

/// <summary>Opens the application of an inquiry (the button on the inquiry's page). A refusal (the inquiry is not
/// matched to a city record yet, or already has an application) is shown here with the way back.</summary>
[Authorize(Policy = WebSetup.Policies.EditInquiries)]
public sealed class StartModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int InquiryId { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Membership/Inquiries/Details", new { id = InquiryId });

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var started = await mediator.Send(new StartApplication.Command { InquiryId = InquiryId }, cancellationToken);
        this.Done("Applications.Flash.Started");
        return RedirectToPage("Details", new { id = started.ApplicationId.Value });
    }
}
