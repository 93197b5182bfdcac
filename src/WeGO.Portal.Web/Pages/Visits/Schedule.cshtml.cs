using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class ScheduleModel(IMediator mediator) : PageModel, IRedisplayAfterRejection, IVisitPlanPage
{
    [BindProperty]
    public ScheduleVisit.Command Input { get; set; } = new() { Venue = "WeGO Secretariat, Seoul" };

    public GetVisitFormChoices.Choices Choices { get; private set; } = new([], []);

    VisitPlan IVisitPlanPage.Input => Input;

    /// <summary>Similar cities or double bookings the user must look at before the visit is scheduled.</summary>
    public ScheduleVisit.Result? Warnings { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadForRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(Input, cancellationToken);
        if (result.VisitId is { } visit)
        {
            this.Done("Flash.VisitScheduled");
            return RedirectToPage("Details", new { id = visit.Value });
        }

        Warnings = result;
        await LoadForRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Choices = await mediator.Send(new GetVisitFormChoices.Query(), cancellationToken);
}
