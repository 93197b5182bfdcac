using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership.Inquiries;

/// <summary>Move, assign and note an inquiry. The forms sit on the inquiry page; after a refusal they are shown
/// here with the message, the inquiry as it now is, and what the user typed.</summary>
[Authorize(Policy = WebSetup.Policies.EditInquiries)]
public sealed class ChangeModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public MoveInquiry.Command Move { get; set; } = new();

    [BindProperty]
    public AssignInquiry.Command Assign { get; set; } = new();

    [BindProperty]
    public AddInquiryNote.Command Note { get; set; } = new();

    public InquiryWork Work { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Move with { InquiryId = id }, cancellationToken);
        this.Done("Inquiries.Flash.Moved");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Assign with { InquiryId = id }, cancellationToken);
        this.Done("Inquiries.Flash.Assigned");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostNoteAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Note with { InquiryId = id }, cancellationToken);
        this.Done("Inquiries.Flash.NoteAdded");
        return RedirectToPage("Details", null, new { id }, "notes");
    }

    /// <summary>After a refusal the forms show the inquiry as it is now; the next attempt is made against that
    /// version.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(this.RouteId(), cancellationToken))
        {
            throw new DomainException("Inquiry.NotFound");
        }

        foreach (var key in new[] { "Move.Version", "Assign.Version", "Note.Version" })
        {
            ModelState.Remove(key);
        }

        // The assignment keeps the user's choice, with what someone else assigned meanwhile beside it.
        var choices = Work.Choices;
        var assignment = SavedMeanwhile
            .Compare(
                this,
                nameof(Assign),
                Assign.Version,
                Work.Inquiry.Version,
                InquiryWork.Saved(Work.Inquiry),
                Assign
            )
            .Field(
                c => c.RegionalOfficeId,
                "Inquiries.RegionalOffice",
                id => choices.Offices.FirstOrDefault(o => o.Id == id)?.Name
            )
            .Field(c => c.OwnerUserId, "Inquiries.Owner", id => choices.Staff.FirstOrDefault(s => s.Id == id)?.Name);
        if (assignment.Happened)
        {
            Work = Work with { Assigning = Assign };
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetInquiry.Query(id), cancellationToken) is not { } inquiry)
        {
            return false;
        }

        Work = new InquiryWork(inquiry, await mediator.Send(new AssignInquiry.ChoicesQuery(), cancellationToken), Note);
        return true;
    }
}
