using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Organizations;

/// <summary>An organisation's name in English, Spanish and Korean, beside its official and local names.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class NamesModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public NameOrganizationInLanguages.Command Input { get; set; } = new();

    public NameOrganizationInLanguages.Form Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new NameOrganizationInLanguages.Query(id), cancellationToken) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        Input = form.Command;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { OrganizationId = id }, cancellationToken);
        this.Done("Flash.OrganizationNamesSaved");
        return RedirectToPage(new { id });
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Form = await mediator.Send(new NameOrganizationInLanguages.Query(this.RouteId()), cancellationToken)
            ?? throw new DomainException("Organization.NotFound");
}
