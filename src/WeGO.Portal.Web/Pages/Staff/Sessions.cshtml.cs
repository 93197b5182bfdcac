using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Staff;

/// <summary>A colleague's open sessions, which an administrator can end one by one or all at once.</summary>
public sealed class SessionsModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    public ListStaffUsers.Row Person { get; private set; } = null!;

    public IReadOnlyList<ListStaffSessions.Row> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(string id, string? sessionId, CancellationToken cancellationToken)
    {
        await mediator.Send(new EndStaffSessions.Command(id, sessionId ?? ""), cancellationToken);
        this.Done("Sessions.Ended");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAllAsync(string id, CancellationToken cancellationToken)
    {
        await mediator.Send(new EndStaffSessions.Command(id), cancellationToken);
        this.Done("Sessions.AllEnded");
        return RedirectToPage(new { id });
    }

    public Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        LoadAsync(RouteData.Values["id"]?.ToString() ?? "", cancellationToken);

    private async Task LoadAsync(string id, CancellationToken cancellationToken)
    {
        Person = (await mediator.Send(new ListStaffUsers.Query(id), cancellationToken)).SingleOrDefault()
            ?? throw new DomainException("Staff.NotFound");
        Sessions = await mediator.Send(new ListStaffSessions.Query(id), cancellationToken);
    }
}
