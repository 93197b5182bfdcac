using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership.Committee;

/// <summary>Puts an application on a meeting's agenda or records the Committee's decision on it. After a refusal the
/// agenda is shown here, as it now is, with the message and the decision the user was recording.</summary>
[Authorize(Policy = WebSetup.Policies.EditInquiries)]
public sealed class ChangeModel(IMediator mediator, TimeProvider clock) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public RecordCommitteeDecision.Command Decision { get; set; } = new();

    [BindProperty]
    public AgendaPlacement Put { get; set; } = new();

    public AgendaWork Work { get; private set; } = null!;

    public IActionResult OnGet(int id) => RedirectToPage("Meeting", new { id });

    public async Task<IActionResult> OnPostPutAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new PutOnCommitteeAgenda.Command(id, Put.Version, Put.ApplicationId), cancellationToken);
        this.Done("Committee.Flash.Put");
        return RedirectToPage("Meeting", null, new { id }, "agenda");
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Decision with { MeetingId = id }, cancellationToken);
        this.Done("Committee.Flash.Decided");
        return RedirectToPage("Meeting", null, new { id }, "agenda");
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var meeting = await mediator.Send(new GetCommitteeMeeting.Query(this.RouteId()), cancellationToken)
            ?? throw new DomainException("Committee.NotFound");
        Work = new AgendaWork(meeting, CanEdit: true, SecretariatCalendar.Today(clock), Decision);
    }

    /// <summary>The application a "put on the agenda" button names, and the meeting's version it was shown
    /// with.</summary>
    public sealed class AgendaPlacement
    {
        public int Version { get; set; }

        public int ApplicationId { get; set; }
    }
}
