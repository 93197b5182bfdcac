using WeGO.Portal.Domain.Common;
using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Web.Http;

namespace WeGO.Portal.Web.Pages.Visits;

[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class EditModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public EditVisit.Command Input { get; set; } = new();

    /// <summary>The visit as it is saved now.</summary>
    public GetVisit.Details Current { get; private set; } = null!;

    public GetVisitFormChoices.Choices Choices { get; private set; } = new([], []);

    public IReadOnlyList<VisitConflict> Conflicts { get; private set; } = [];

    /// <summary>After a conflicting edit: the fields someone else changed, with their saved value.</summary>
    public IReadOnlyList<(string Field, string SavedValue)> ChangedMeanwhile { get; private set; } = [];

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
            TempData["Flash"] = "Flash.VisitSaved";
            return RedirectToPage("Details", new { id });
        }

        Conflicts = result.Conflicts;
        await LoadForRedisplayAsync(cancellationToken);
        return Page();
    }

    /// <summary>Shows the form again with the user's input kept. If the visit was saved by someone else meanwhile,
    /// lists what they changed and takes their version as the base, so saving again is a deliberate overwrite.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        Current = await mediator.Send(new GetVisit.Query(id), cancellationToken) ?? throw new DomainException("Visit.NotFound");
        Choices = await mediator.Send(new GetVisitFormChoices.Query(), cancellationToken);
        if (Current.Version != Input.Version)
        {
            ChangedMeanwhile = Differences(FromSaved(Current, Choices), Input);
            Input = Input with { Version = Current.Version };
            ModelState.Remove("Input.Version");
        }
    }

    private static EditVisit.Command FromSaved(GetVisit.Details visit, GetVisitFormChoices.Choices choices)
    {
        var start = VenueTime.ToLocal(visit.StartsAtUtc, visit.TimeZoneId);
        var end = VenueTime.ToLocal(visit.EndsAtUtc, visit.TimeZoneId);
        var people = choices.SecretariatPeople.ToDictionary(p => p.Name, p => int.Parse(p.Id, CultureInfo.InvariantCulture));
        var other = visit.Hosts.FirstOrDefault(h => h.StaffUserId is null && !people.ContainsKey(h.Name));
        return new EditVisit.Command
        {
            VisitId = visit.Id,
            Version = visit.Version,
            Purpose = visit.Purpose,
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(end),
            TimeZoneId = visit.TimeZoneId,
            Venue = visit.Venue,
            HostStaffIds = [.. visit.Hosts.Where(h => h.StaffUserId is not null).Select(h => h.StaffUserId!)],
            HostContactIds = [.. visit.Hosts.Where(h => h.StaffUserId is null && people.ContainsKey(h.Name)).Select(h => people[h.Name])],
            OtherHostName = other?.Name,
            OtherHostTitle = other?.Title,
            HeadOfDelegation = visit.HeadOfDelegation,
            HeadOfDelegationTitle = visit.HeadOfDelegationTitle,
            ExpectedHeadcount = visit.ExpectedHeadcount,
            Languages = visit.Languages,
            InterpretationNeeded = visit.InterpretationNeeded,
        };
    }

    private static List<(string Field, string SavedValue)> Differences(EditVisit.Command saved, EditVisit.Command mine)
    {
        var differences = new List<(string, string)>();
        void Compare(string field, object? theirs, object? yours)
        {
            var savedText = Convert.ToString(theirs, CultureInfo.CurrentCulture) ?? "";
            if (savedText != (Convert.ToString(yours, CultureInfo.CurrentCulture) ?? ""))
            {
                differences.Add((field, savedText));
            }
        }

        Compare("Field.Date", saved.Date, mine.Date);
        Compare("Field.StartTime", saved.StartTime, mine.StartTime);
        Compare("Field.EndTime", saved.EndTime, mine.EndTime);
        Compare("Field.TimeZoneId", saved.TimeZoneId, mine.TimeZoneId);
        Compare("Field.Venue", saved.Venue, mine.Venue);
        Compare("Field.Purpose", saved.Purpose, mine.Purpose);
        Compare("Visit.Hosts", string.Join(", ", saved.HostStaffIds.Order().Concat(saved.HostContactIds.Order().Select(i => i.ToString(CultureInfo.InvariantCulture))).Append(saved.OtherHostName)), string.Join(", ", mine.HostStaffIds.Order().Concat(mine.HostContactIds.Order().Select(i => i.ToString(CultureInfo.InvariantCulture))).Append(mine.OtherHostName)));
        Compare("Field.HeadOfDelegation", saved.HeadOfDelegation, mine.HeadOfDelegation);
        Compare("Field.ExpectedHeadcount", saved.ExpectedHeadcount, mine.ExpectedHeadcount);
        Compare("Field.Languages", saved.Languages, mine.Languages);
        return differences;
    }
}
