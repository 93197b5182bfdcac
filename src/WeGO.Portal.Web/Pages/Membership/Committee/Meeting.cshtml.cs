using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Committee;

/// <summary>A meeting's agenda and, once decided, its minutes: printable as they are. Staff who may change it put
/// accepted applications on the agenda and record each decision (the forms post to <c>Change</c>).</summary>
public sealed class MeetingModel(IMediator mediator, IAuthorizationService authorization, TimeProvider clock)
    : PageModel
{
    public AgendaWork Work { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCommitteeMeeting.Query(id), cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        var canEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditInquiries)).Succeeded;
        Work = new AgendaWork(meeting, canEdit, SecretariatCalendar.Today(clock));
        return Page();
    }
}

/// <summary>What the agenda shows: the meeting, whether the reader may change it, today (decisions are recorded once
/// the meeting has been held), and the decision a refused form was recording (kept).</summary>
public sealed record AgendaWork(
    GetCommitteeMeeting.Meeting Meeting,
    bool CanEdit,
    DateOnly Today,
    RecordCommitteeDecision.Command? Deciding = null
)
{
    public bool CanDecide => CanEdit && Meeting.HeldOn <= Today;

    /// <summary>The decision form of an item: the one being recorded when it was refused, else an empty one.</summary>
    public RecordCommitteeDecision.Command DecisionFor(int applicationId) =>
        (
            Deciding is { } kept && kept.ApplicationId == applicationId ? kept : new() { ApplicationId = applicationId }
        ) with
        {
            Version = Meeting.Version,
        };
}
