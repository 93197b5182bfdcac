using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Web.Pages.Baseline;

/// <summary>Baseline for GET /Visits/Details/{id}: GetVisit's queries (the visit with its children in split queries,
/// follow-ups, report state, history) written straight against the DbContext, no mediator. The rows reuse GetVisit's
/// records so the page renders the same data. See Http/BaselinePages.cs.</summary>
public sealed class VisitModel(PortalDbContext db) : PageModel
{
    public GetVisit.Details Visit { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var details = await db.Visits.AsNoTracking()
            .Where(v => v.Id == id)
            .Select(v => new GetVisit.Details(
                v.Id,
                v.Version,
                v.Organization.Name,
                v.Organization.LocalName,
                v.Organization.CountryCode,
                v.Organization.Region,
                v.Purpose,
                v.Venue,
                v.TimeZoneId,
                v.StartsAtUtc,
                v.EndsAtUtc,
                v.Status,
                v.CancellationReason,
                v.Languages,
                v.InterpretationNeeded,
                v.Delegation.HeadOfDelegation,
                v.Delegation.HeadOfDelegationTitle,
                v.Delegation.ExpectedHeadcount,
                v.Delegation.Members.Count > 0 ? v.Delegation.Members.Count : v.Delegation.ExpectedHeadcount,
                v.Hosts.OrderBy(h => h.Order).Select(h => new GetVisit.HostRow(h.Name, h.Title, h.StaffUserId)).ToList(),
                v.Delegation.Members.OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1).ThenBy(m => m.FullName).Select(m => new GetVisit.MemberRow(m.FullName, m.Title, m.Organization, m.Role)).ToList(),
                v.Agenda.OrderBy(a => a.Order).Select(a => new GetVisit.AgendaRow(a.Order, a.StartsAt, a.EndsAt, a.Title, a.Speaker, a.Notes)).ToList(),
                v.Topics.OrderBy(t => t.Id).Select(t => t.Title).ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        var followUps = await db.FollowUps.AsNoTracking()
            .Where(f => f.VisitId == id)
            .OrderBy(f => f.DueOn)
            .Select(f => new GetVisit.FollowUpRow(f.Id, f.Version, f.Description, f.OwnerName, f.DueOn, f.Status, f.ClosedAtUtc, f.ClosedBy))
            .ToListAsync(cancellationToken);
        var reportState = await db.VisitReports.AsNoTracking()
            .Where(r => r.VisitId == id)
            .Select(r => (ReviewState?)r.State)
            .SingleOrDefaultAsync(cancellationToken);
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Domain.Visits.Visit) && a.EntityId == entityId)
            .OrderByDescending(a => a.OccurredAtUtc).ThenByDescending(a => a.Id)
            .Take(100)
            .Select(a => new GetVisit.HistoryRow(a.OccurredAtUtc, a.ActorName, a.Action))
            .ToListAsync(cancellationToken);

        Visit = details with { FollowUps = followUps, ReportState = reportState, History = history };
        return Page();
    }
}
