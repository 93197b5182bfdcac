using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Web.Pages.Privacy.Requests;

/// <summary>The export of what the portal holds about a person: a printable page with every value, or the same as a
/// JSON file. Each is recorded as a request.</summary>
public sealed class ExportModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    public PersonalData? Data { get; private set; }

    public DateTime ExportedAtUtc { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Data = await mediator.Send(new ExportPersonalData.Command(Email), cancellationToken);
        ExportedAtUtc = clock.GetUtcNow().UtcDateTime;
        return Page();
    }

    public async Task<IActionResult> OnPostJsonAsync(CancellationToken cancellationToken)
    {
        var data = await mediator.Send(new ExportPersonalData.Command(Email), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return File(ExportPersonalData.ToJson(data, now), "application/json", $"personal-data-{now:yyyyMMdd}.json");
    }
}
