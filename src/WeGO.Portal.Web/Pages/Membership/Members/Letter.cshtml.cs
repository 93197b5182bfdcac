using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Members;

/// <summary>A member's welcome letter, in the member's language whatever the reader's, to print and sign.</summary>
public sealed class LetterModel(IMediator mediator) : PageModel
{
    public GetWelcomeLetter.Letter Letter { get; private set; } = null!;

    public int MemberId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetWelcomeLetter.Query(id), cancellationToken) is not { } letter)
        {
            return NotFound();
        }

        (Letter, MemberId) = (letter, id);
        return Page();
    }
}
