using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Members;

/// <summary>The member registry: filters, counts by category and region, and the list as CSV.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListMembers.Filter Filter { get; set; } = new();

    public ListMembers.Result Members { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Members = await mediator.Send(new ListMembers.Query(Filter), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(await mediator.Send(new ExportMembers.Query(Filter), cancellationToken), "text/csv", "wego-members.csv");
}
