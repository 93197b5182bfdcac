using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>On the day, at the door, from a phone: staff mark who came. Plain form posts, each back to the delegate
/// just marked, so it works without script.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class CheckInModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    public GetRoster.Roster Roster { get; private set; } = null!;

    [BindProperty]
    public int MemberId { get; set; }

    /// <summary>True to mark the delegate arrived, false to undo.</summary>
    [BindProperty]
    public bool Arrived { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetRoster.Query(id, WithNeeds: false), cancellationToken) is not { } roster)
        {
            return NotFound();
        }

        Roster = roster;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(
            new CheckInDelegate.Command
            {
                VisitId = id,
                MemberId = MemberId,
                Arrived = Arrived,
            },
            cancellationToken
        );
        return RedirectToPage(null, null, new { id }, $"member-{MemberId}");
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Roster = await mediator.Send(new GetRoster.Query(this.RouteId(), WithNeeds: false), cancellationToken)
            ?? throw new DomainException("Visit.NotFound");
}
