using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>Staff keep a delegation's roster: add, edit and remove delegates, or import the city's list as a CSV file.
/// Program directors read the same table on <see cref="DelegationModel"/>.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class RosterModel(IMediator mediator, IStringLocalizer<UiText> text) : PageModel, IRedisplayAfterRejection
{
    public GetRoster.Roster Roster { get; private set; } = null!;

    /// <summary>The add or edit form; every form on the page carries <see cref="DelegateForm.Version"/>.</summary>
    [BindProperty]
    public DelegateForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? RosterFile { get; set; }

    /// <summary>The move buttons' value: -1 up the order of precedence, +1 down.</summary>
    [BindProperty]
    public int Offset { get; set; }

    /// <summary>?edit={memberId}: the member form edits this delegate instead of adding one.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? EditId { get; set; }

    /// <summary>?remove={memberId}: asks to confirm taking this delegate off the roster.</summary>
    [BindProperty(SupportsGet = true, Name = "remove")]
    public int? RemoveId { get; set; }

    /// <summary>The refused import's problems, shown above the import form.</summary>
    public ImportRoster.Result? Import { get; private set; }

    public GetRoster.Member? Editing => Roster.Members.FirstOrDefault(m => m.Id == EditId);

    public GetRoster.Member? Leaving => Roster.Members.FirstOrDefault(m => m.Id == RemoveId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetRoster.Query(id), cancellationToken) is not { } roster)
        {
            return NotFound();
        }

        Roster = roster;
        Input = Editing is { } member ? DelegateForm.From(member) : new();
        return Page();
    }

    public IActionResult OnGetTemplate() =>
        File(ImportRoster.Template(), "text/csv; charset=utf-8", "roster-template.csv");

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input.ToAdd(id), cancellationToken);
        this.Done("Roster.Added", Input.FullName?.Trim() ?? "");
        return BackToRoster(id);
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input.ToEdit(id), cancellationToken);
        this.Done("Roster.Saved", Input.FullName?.Trim() ?? "");
        return BackToRoster(id);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(
            new MoveDelegate.Command
            {
                VisitId = id,
                Version = Input.Version,
                MemberId = Input.MemberId,
                Offset = Offset,
            },
            cancellationToken
        );
        return RedirectToPage(null, null, new { id }, $"member-{Input.MemberId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var name = (await mediator.Send(new GetRoster.Query(id, WithNeeds: false), cancellationToken))
            ?.Members.FirstOrDefault(m => m.Id == Input.MemberId)
            ?.FullName;
        await mediator.Send(
            new RemoveDelegate.Command
            {
                VisitId = id,
                Version = Input.Version,
                MemberId = Input.MemberId,
            },
            cancellationToken
        );
        this.Done("Roster.Removed", name ?? "");
        return BackToRoster(id);
    }

    public async Task<IActionResult> OnPostImportAsync(int id, CancellationToken cancellationToken)
    {
        var content = RosterFile is null
            ? []
            : await RosterFile.ReadAtMostAsync(ImportRoster.MaxBytes + 1, cancellationToken);
        var result = await mediator.Send(
            new ImportRoster.Command
            {
                VisitId = id,
                Version = Input.Version,
                Content = content,
            },
            cancellationToken
        );
        if (result.Succeeded)
        {
            this.Done("Roster.Imported", result.Imported);
            return BackToRoster(id);
        }

        Import = result;
        await LoadForRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        Roster = await mediator.Send(new GetRoster.Query(id), cancellationToken)
            ?? throw new DomainException("Visit.NotFound");
        if (EditId is not null && Editing is { } member)
        {
            SavedMeanwhile
                .Compare(this, nameof(Input), Input.Version, Roster.Version, DelegateForm.From(member), Input)
                .Field(c => c.Honorific, "Roster.Honorific")
                .Field(c => c.FullName, "Roster.Name")
                .Field(c => c.Role, "Roster.Role", role => text["DelegationRole." + role])
                .Field(c => c.Title, "Roster.MemberTitle")
                .Field(c => c.Organization, "Roster.Organization")
                .Field(c => c.Email, "Field.Email")
                .Field(c => c.DietaryNeeds, "Roster.DietaryNeeds")
                .Field(c => c.AccessibilityNeeds, "Roster.AccessibilityNeeds")
                .Field(c => c.InterpretationNeeds, "Roster.InterpretationNeeds");
        }
    }

    private RedirectToPageResult BackToRoster(int id) => RedirectToPage(null, null, new { id }, "roster");

    /// <summary>The member form as posted: the page sends it as <see cref="AddDelegate"/> or <see
    /// cref="EditDelegate"/>. Text fields are nullable so an empty name reaches the validator (one clear message)
    /// instead of MVC's own.</summary>
    public sealed record DelegateForm : IValidatedAs<DelegateFields>
    {
        public int MemberId { get; init; }

        public int Version { get; init; }

        public string? FullName { get; init; }

        public string? Title { get; init; }

        public string? Organization { get; init; }

        public DelegationRole Role { get; init; } = DelegationRole.Delegate;

        public string? Email { get; init; }

        public string? DietaryNeeds { get; init; }

        public string? AccessibilityNeeds { get; init; }

        public string? Honorific { get; init; }

        public string? InterpretationNeeds { get; init; }

        public static DelegateForm From(GetRoster.Member member) =>
            new()
            {
                MemberId = member.Id,
                FullName = member.FullName,
                Title = member.Title,
                Organization = member.Organization,
                Role = member.Role,
                Email = member.Email,
                DietaryNeeds = member.DietaryNeeds,
                AccessibilityNeeds = member.AccessibilityNeeds,
                Honorific = member.Honorific,
                InterpretationNeeds = member.InterpretationNeeds,
            };

        public AddDelegate.Command ToAdd(int visitId) =>
            new()
            {
                VisitId = visitId,
                Version = Version,
                FullName = FullName ?? "",
                Title = Title,
                Organization = Organization,
                Role = Role,
                Email = Email,
                DietaryNeeds = DietaryNeeds,
                AccessibilityNeeds = AccessibilityNeeds,
                Honorific = Honorific,
                InterpretationNeeds = InterpretationNeeds,
            };

        public EditDelegate.Command ToEdit(int visitId) =>
            new()
            {
                VisitId = visitId,
                Version = Version,
                MemberId = MemberId,
                FullName = FullName ?? "",
                Title = Title,
                Organization = Organization,
                Role = Role,
                Email = Email,
                DietaryNeeds = DietaryNeeds,
                AccessibilityNeeds = AccessibilityNeeds,
                Honorific = Honorific,
                InterpretationNeeds = InterpretationNeeds,
            };
    }
}
