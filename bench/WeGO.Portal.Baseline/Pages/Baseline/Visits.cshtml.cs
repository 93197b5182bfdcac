using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Baseline.Pages.Baseline;

/// <summary>Baseline for GET /Visits: ListVisits' handler called directly for the unfiltered page (the same SQL by
/// construction: the count, then one page newest first), without the mediator and its behaviours. See
/// BaselinePages.cs.</summary>
public sealed class VisitsModel(PortalDbContext db, ICurrentActor viewer, ReadCache cache) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListVisits.Result Visits { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Visits = await new ListVisits.Handler(db, viewer, cache).Handle(
            new ListVisits.Query(new ListVisits.Filter(), PageNumber),
            cancellationToken
        );
}
