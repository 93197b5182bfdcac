using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>The agenda builder: add, edit, reorder and remove a visit's agenda items.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class AgendaModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public AddAgendaItem.Command NewItem { get; set; } = new();

    [BindProperty]
    public EditAgendaItem.Command EditedItem { get; set; } = new();

    /// <summary>The item whose edit form is open.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    public GetAgenda.Agenda Agenda { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetAgenda.Query(id), cancellationToken) is not { } agenda)
        {
            return NotFound();
        }

        Agenda = agenda;
        if (Edit is { } editing && agenda.Items.FirstOrDefault(i => i.Id == editing) is { } item)
        {
            EditedItem = FromSaved(agenda, item);
        }
        else
        {
            NewItem = new AddAgendaItem.Command { StartsAt = agenda.Items.Count > 0 ? agenda.Items[^1].EndsAt : null };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(NewItem with { VisitId = id }, cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken)
    {
        Edit = EditedItem.ItemId;
        await mediator.Send(EditedItem with { VisitId = id }, cancellationToken);
        return RedirectToPage(new { id, edit = (int?)null });
    }

    public async Task<IActionResult> OnPostMoveAsync(
        int id,
        int version,
        int itemId,
        int offset,
        CancellationToken cancellationToken
    )
    {
        await mediator.Send(new MoveAgendaItem.Command(id, version, itemId, offset), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(
        int id,
        int version,
        int itemId,
        CancellationToken cancellationToken
    )
    {
        await mediator.Send(new RemoveAgendaItem.Command(id, version, itemId), cancellationToken);
        return RedirectToPage(new { id });
    }

    /// <summary>After a refusal: the agenda as it is now, the user's input kept, the next attempt against the current
    /// version.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        Agenda = await mediator.Send(new GetAgenda.Query(id), cancellationToken)
            ?? throw new DomainException("Visit.NotFound");
        ModelState.Remove("NewItem.Version");
        ModelState.Remove("EditedItem.Version");
        if (Agenda.Items.FirstOrDefault(i => i.Id == EditedItem.ItemId) is { } item)
        {
            SavedMeanwhile
                .Compare(
                    this,
                    nameof(EditedItem),
                    EditedItem.Version,
                    Agenda.Version,
                    FromSaved(Agenda, item),
                    EditedItem
                )
                .Field(c => c.StartsAt, "Agenda.From")
                .Field(c => c.EndsAt, "Agenda.To")
                .Field(c => c.Title, "Field.Title")
                .Field(c => c.Speaker, "Field.Speaker")
                .Field(c => c.Notes, "Field.Notes");
        }
    }

    private static EditAgendaItem.Command FromSaved(GetAgenda.Agenda agenda, GetAgenda.Item item) =>
        new()
        {
            VisitId = agenda.VisitId,
            Version = agenda.Version,
            ItemId = item.Id,
            StartsAt = item.StartsAt,
            EndsAt = item.EndsAt,
            Title = item.Title,
            Speaker = item.Speaker,
            Notes = item.Notes,
        };
}

/// <summary>One agenda item's fields, named under the form's prefix (NewItem or EditedItem).</summary>
