using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>Staff edit what the programme adds to the plan (address, contacts on the day), name the delegation's
/// contact and set the roster deadline; the visit's page sends it (<see cref="OnPostSendAsync"/>).</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class ProgrammeModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    public VisitProgramme.Programme Programme { get; private set; } = null!;

    [BindProperty]
    public EditProgramme.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetProgramme.Query(id), cancellationToken) is not { } programme)
        {
            return NotFound();
        }

        Programme = programme;
        Input = new EditProgramme.Command
        {
            VisitId = id,
            Version = programme.Version,
            VenueAddress = programme.VenueAddress,
            DayContacts = programme.DayContacts,
            ContactName = programme.ContactName,
            ContactEmail = programme.ContactEmail,
            ContactLanguage = programme.ContactLanguage,
            RosterDeadline = programme.RosterDeadline,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { VisitId = id }, cancellationToken);
        this.Done("Programme.Saved");
        return RedirectToPage("Details", null, new { id }, "programme");
    }

    /// <summary>Sends the programme (or the updated programme) to the delegation's contact.</summary>
    public async Task<IActionResult> OnPostSendAsync(int id, int version, CancellationToken cancellationToken)
    {
        var sent = await mediator.Send(new SendProgramme.Command(id, version), cancellationToken);
        this.Done(sent.Changes.Count == 0 ? "Programme.SentTo" : "Programme.UpdateSentTo", sent.To);
        return RedirectToPage("Details", null, new { id }, "programme");
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        Programme = await mediator.Send(new GetProgramme.Query(id), cancellationToken)
            ?? throw new DomainException("Visit.NotFound");
        if (Input.VisitId == 0)
        {
            Input = Input with { VisitId = id, Version = Programme.Version };
        }
    }
}
