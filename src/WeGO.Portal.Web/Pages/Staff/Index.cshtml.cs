using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Pages.Staff;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListStaffUsers.Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await mediator.Send(new ListStaffUsers.Query(), cancellationToken);
}
