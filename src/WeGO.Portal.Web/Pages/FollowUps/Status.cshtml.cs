using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.FollowUps;

/// <summary>Marks a follow-up done, drops or reopens it, then goes back to the list it was done from. If the change is
/// refused (someone else changed it first), this page shows why and the follow-up as it is now.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class StatusModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    /// <summary>The follow-up's version the list showed.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    /// <summary>Null when the follow-up was deleted with its visit since the list was shown.</summary>
    public FollowUpView? FollowUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostDoneAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(new CompleteFollowUp.Command(id, Version), id, cancellationToken);

    public Task<IActionResult> OnPostDropAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(new DropFollowUp.Command(id, Version), id, cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(new ReopenFollowUp.Command(id, Version), id, cancellationToken);

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        await LoadAsync(this.RouteId(), cancellationToken);

    private async Task<IActionResult> ChangeAsync(ICommand command, int id, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        FollowUp = await mediator.Send(new GetFollowUp.Query(id), cancellationToken);
        return FollowUp is not null;
    }
}
