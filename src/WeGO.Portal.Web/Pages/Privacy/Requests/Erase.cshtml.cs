using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Privacy.Requests;

/// <summary>The erasure of a person's data: first what will be erased and what stays, then, once confirmed, what was
/// erased. The confirmation carries the fingerprint of what it showed, so a record found or gone in between stops the
/// erasure.</summary>
public sealed class EraseModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Fingerprint { get; set; } = "";

    public PersonalData? Found { get; private set; }

    public ErasePersonalData.Result? Erased { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadForRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        Erased = await mediator.Send(new ErasePersonalData.Command(Email, Fingerprint), cancellationToken);
        return Page();
    }

    /// <summary>Shows what is held now (and its fingerprint) after a refusal, so the administrator confirms what they
    /// see.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        if (ModelState[nameof(Email)]?.Errors.Count > 0)
        {
            return;
        }

        Found = await mediator.Send(new FindPersonalData.Query(Email), cancellationToken);
        Fingerprint = Found.Fingerprint;
        ModelState.Remove(nameof(Fingerprint));
    }
}
