using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class EditModel(IMediator mediator, IStringLocalizer<UiText> text)
    : PageModel,
        IRedisplayAfterRejection,
        IVisitPlanPage
{
    [BindProperty]
    public EditVisit.Command Input { get; set; } = new();

    /// <summary>The visit as it is saved now.</summary>
    public GetVisit.Details Current { get; private set; } = null!;

    public GetVisitFormChoices.Choices Choices { get; private set; } = new([], []);

    VisitPlan IVisitPlanPage.Input => Input;

    public IReadOnlyList<VisitConflict> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisit.Query(id), cancellationToken) is not { } visit)
        {
            return NotFound();
        }

        Current = visit;
        Choices = await mediator.Send(new GetVisitFormChoices.Query(), cancellationToken);
        Input = FromSaved(visit, Choices);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(Input with { VisitId = id }, cancellationToken);
        if (result.Saved)
        {
            this.Done("Flash.VisitSaved");
            return RedirectToPage("Details", new { id });
        }

        Conflicts = result.Conflicts;
        await LoadForRedisplayAsync(cancellationToken);
        return Page();
    }

    /// <summary>Shows the form again with the user's input kept. If the visit was saved by someone else meanwhile,
    /// lists what they changed and takes their version as the base, so saving again is a deliberate
    /// overwrite.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        Current = await mediator.Send(new GetVisit.Query(id), cancellationToken)
            ?? throw new DomainException("Visit.NotFound");
        Choices = await mediator.Send(new GetVisitFormChoices.Query(), cancellationToken);
        var hosts = string.Join(", ", Current.Hosts.Select(h => h.Name));
        var meanwhile = SavedMeanwhile
            .Compare(this, nameof(Input), Input.Version, Current.Version, FromSaved(Current, Choices), Input)
            .Field(c => c.Date, "Field.Date")
            .Field(c => c.StartTime, "Field.StartTime")
            .Field(c => c.EndTime, "Field.EndTime")
            .Field(c => c.TimeZoneId, "Field.TimeZoneId")
            .Field(c => c.Venue, "Field.Venue")
            .Field(c => c.Purpose, "Field.Purpose")
            .Field(
                "Hosts",
                "Visit.Hosts",
                c => c.HostStaffIds.Concat(c.HostContactIds.Select(i => i.ToString(CultureInfo.InvariantCulture))),
                _ => hosts
            )
            .Field(c => c.OtherHostName, "Field.OtherHostName")
            .Field(c => c.OtherHostTitle, "Field.OtherHostTitle")
            .Field(c => c.HeadOfDelegation, "Field.HeadOfDelegation")
            .Field(c => c.HeadOfDelegationTitle, "Field.HeadOfDelegationTitle")
            .Field(c => c.ExpectedHeadcount, "Field.ExpectedHeadcount")
            .Field(c => c.Languages, "Field.Languages")
            .Field(
                c => c.InterpretationNeeded,
                "Schedule.Interpretation",
                needed => needed ? text["Common.Yes"] : text["Common.No"]
            );
        if (meanwhile.Happened)
        {
            Input = Input with { Version = Current.Version };
        }
    }

    private static EditVisit.Command FromSaved(GetVisit.Details visit, GetVisitFormChoices.Choices choices)
    {
        var start = VenueTime.ToLocal(visit.Plan.StartsAtUtc, visit.Plan.TimeZoneId);
        var end = VenueTime.ToLocal(visit.Plan.EndsAtUtc, visit.Plan.TimeZoneId);
        var people = choices.SecretariatPeople.ToDictionary(
            p => p.Name,
            p => int.Parse(p.Id, CultureInfo.InvariantCulture)
        );
        var other = visit.Hosts.FirstOrDefault(h => h.StaffUserId is null && !people.ContainsKey(h.Name));
        return new EditVisit.Command
        {
            VisitId = visit.Id,
            Version = visit.Version,
            Purpose = visit.Plan.Purpose,
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(end),
            TimeZoneId = visit.Plan.TimeZoneId,
            Venue = visit.Plan.Venue,
            HostStaffIds = [.. visit.Hosts.Where(h => h.StaffUserId is not null).Select(h => h.StaffUserId!)],
            HostContactIds =
            [
                .. visit
                    .Hosts.Where(h => h.StaffUserId is null && people.ContainsKey(h.Name))
                    .Select(h => people[h.Name]),
            ],
            OtherHostName = other?.Name,
            OtherHostTitle = other?.Title,
            HeadOfDelegation = visit.Delegation.HeadOfDelegation,
            HeadOfDelegationTitle = visit.Delegation.HeadOfDelegationTitle,
            ExpectedHeadcount = visit.Delegation.ExpectedHeadcount,
            Languages = visit.Delegation.Languages,
            InterpretationNeeded = visit.Delegation.InterpretationNeeded,
        };
    }
}
