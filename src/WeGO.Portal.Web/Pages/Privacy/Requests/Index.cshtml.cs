using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Privacy.Requests;

/// <summary>An administrator looks up what the portal holds about a person's address (posted, so the address never
/// sits in a URL or a log), then exports or erases it; below, the requests carried out so far.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public FindPersonalData.Query Input { get; set; } = new("");

    public PersonalData? Found { get; private set; }

    public IReadOnlyList<ListPrivacyRequests.Row> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadForRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Found = await mediator.Send(Input, cancellationToken);
        await LoadForRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Requests = await mediator.Send(new ListPrivacyRequests.Query(), cancellationToken);
}
