using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership.Applications;

/// <summary>Staff open an application received directly, without an inquiry: they find the organisation's city record
/// (a search that lists the matches to choose from, no script needed), name who signs for it and the language they
/// write in; the applicant is mailed a status link of their own.</summary>
[Authorize(Policy = WebSetup.Policies.EditInquiries)]
public sealed class NewModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public StartApplication.Command Input { get; set; } = new() { Language = "en" };

    /// <summary>What staff typed to find the record; kept in the form so a search or a refusal loses nothing.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<StartApplication.Choice> Choices { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadForRedisplayAsync(cancellationToken);

    /// <summary>The search button: shows the matches with everything typed so far, writes nothing.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadForRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var started = await mediator.Send(Input with { InquiryId = null }, cancellationToken);
        this.Done("Applications.Flash.StartedDirectly", Input.ContactEmail!);
        return RedirectToPage("Details", new { id = started.ApplicationId.Value });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Choices = await mediator.Send(
            new StartApplication.ChoicesQuery(Search, Input.OrganizationId),
            cancellationToken
        );
}
