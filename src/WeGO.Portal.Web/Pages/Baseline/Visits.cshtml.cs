using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Web.Pages.Baseline;

/// <summary>Baseline for GET /Visits: ListVisits' unfiltered page (count, then one page newest first, the same row
/// projection) written straight against the DbContext, no mediator. See Http/BaselinePages.cs.</summary>
public sealed class VisitsModel(PortalDbContext db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Organization, string CountryCode, Region Region, DateTime StartsAtUtc, VisitStatus Status, int Headcount, IReadOnlyList<string> Hosts);

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int TotalCount { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visits = db.Visits.AsNoTracking();
        TotalCount = await visits.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (TotalCount + PageSize - 1) / PageSize));
        Rows = await visits
            .OrderByDescending(v => v.StartsAtUtc).ThenByDescending(v => v.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(v => new Row(
                v.Id,
                v.Organization.Name,
                v.Organization.CountryCode,
                v.Organization.Region,
                v.StartsAtUtc,
                v.Status,
                v.Delegation.Members.Count > 0 ? v.Delegation.Members.Count : v.Delegation.ExpectedHeadcount,
                v.Hosts.OrderBy(h => h.Order).Select(h => h.Name).ToList()))
            .ToListAsync(cancellationToken);
    }
}
