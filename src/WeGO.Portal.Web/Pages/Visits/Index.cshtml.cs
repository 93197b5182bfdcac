using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Web.Pages.Visits;

public sealed class IndexModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListVisits.Filter Filter { get; set; } = new();

    /// <summary>"p", not "page": Razor Pages keeps the page's own path in the route value "page", which would win over
    /// the query string and make every link to another page of rows point nowhere.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListVisits.Result Visits { get; private set; } = new([], 0, 1, 25);

    public bool CanSchedule { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Visits = await mediator.Send(new ListVisits.Query(Filter, PageNumber), cancellationToken);
        CanSchedule = (await authorization.AuthorizeAsync(User, WebSetup.Policies.EditVisits)).Succeeded;
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var csv = await mediator.Send(new ExportVisits.Query(Filter), cancellationToken);
        return File(csv, "text/csv; charset=utf-8", $"wego-visits-{DateTime.UtcNow:yyyyMMdd}.csv");
    }

    /// <summary>The current filters as route values, for paging and export links.</summary>
    public Dictionary<string, string> RouteFor(int? page = null) =>
        LinkValues.Of(
            ("Filter.Status", Filter.Status),
            ("Filter.From", Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Filter.To", Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Filter.Region", Filter.Region),
            ("Filter.Text", Filter.Text),
            ("Filter.Sort", Filter.Sort),
            ("p", page)
        );
}
