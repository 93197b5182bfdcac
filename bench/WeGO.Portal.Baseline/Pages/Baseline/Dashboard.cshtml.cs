using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Baseline.Pages.Baseline;

/// <summary>Baseline for GET /Dashboard: GetDashboard's handler called directly for the default period (the same SQL by
/// construction, and the same read cache), without the mediator, its validation and logging; the figures as plain
/// tables, no charts.
/// See BaselinePages.cs.</summary>
public sealed class DashboardModel(PortalDbContext db, TimeProvider clock, ICurrentActor viewer, ReadCache cache)
    : PageModel
{
    public GetDashboard.Result Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Dashboard = await new GetDashboard.Handler(db, viewer, clock, cache).Handle(
            new GetDashboard.Query(),
            cancellationToken
        );
}
