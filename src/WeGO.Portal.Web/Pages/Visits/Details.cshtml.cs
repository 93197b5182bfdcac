using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Web.Calendar;

namespace WeGO.Portal.Web.Pages.Visits;

public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    public GetVisit.Details Visit { get; private set; } = null!;

    /// <summary>Staff who may change the visit see its edit links and buttons; program directors read.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>What the delegation is (or was) told, and what changed since.</summary>
    public VisitProgramme.Programme Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var visit = await mediator.Send(new GetVisit.Query(id), cancellationToken);
        if (visit is null)
        {
            return NotFound();
        }

        Visit = visit;
        Programme = VisitProgramme.Of(visit);
        CanEdit = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditVisits)).Succeeded;
        return Page();
    }

    /// <summary>The visit as an .ics file for Outlook, Google Calendar or Apple Calendar.</summary>
    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new ExportVisitCalendar.Query(id, Request.PortalRoot()), cancellationToken);
        return file is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(file.Content), ExportVisitCalendar.ContentType, file.FileName);
    }
}
