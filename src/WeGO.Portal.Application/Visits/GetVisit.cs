using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Everything about one visit, for its page: details, delegation, hosts, agenda, topics, follow-ups, report
/// and history.</summary>
public static class GetVisit
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int Id) : IQuery<Details?>;

    public sealed record Details(
        int Id,
        int Version,
        string Organization,
        string? LocalName,
        string CountryCode,
        Region Region,
        string Purpose,
        string Venue,
        string TimeZoneId,
        DateTime StartsAtUtc,
        DateTime EndsAtUtc,
        VisitStatus Status,
        string? CancellationReason,
        string? Languages,
        bool InterpretationNeeded,
        string? HeadOfDelegation,
        string? HeadOfDelegationTitle,
        int? ExpectedHeadcount,
        int Headcount,
        IReadOnlyList<HostRow> Hosts,
        IReadOnlyList<MemberRow> Roster,
        IReadOnlyList<AgendaRow> Agenda,
        IReadOnlyList<string> Topics
    )
    {
        public IReadOnlyList<FollowUpRow> FollowUps { get; init; } = [];

        public ReviewState? ReportState { get; init; }

        public int? ReportId { get; init; }

        public IReadOnlyList<HistoryRow> History { get; init; } = [];
    }

    public sealed record HostRow(string Name, string? Title, string? StaffUserId);

    public sealed record MemberRow(string FullName, string? Title, string? Organization, DelegationRole Role);

    public sealed record AgendaRow(
        int Order,
        TimeOnly? StartsAt,
        TimeOnly? EndsAt,
        string Title,
        string? Speaker,
        string? Notes
    );

    public sealed record FollowUpRow(
        int Id,
        int Version,
        string Description,
        string OwnerName,
        DateOnly DueOn,
        FollowUpStatus Status,
        DateTime? ClosedAtUtc,
        string? ClosedBy
    );

    public sealed record HistoryRow(DateTime OccurredAtUtc, string ActorName, string Action);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            var details = await db
                .Visits.AsNoTracking()
                .Where(v => v.Id == query.Id)
                .Select(v => new Details(
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
                    v.Delegation.ExpectedHeadcount == Delegation.NotAnnounced
                        ? (int?)null
                        : v.Delegation.ExpectedHeadcount,
                    v.Delegation.Members.Count > 0 ? v.Delegation.Members.Count : v.Delegation.ExpectedHeadcount,
                    v.Hosts.OrderBy(h => h.Order).Select(h => new HostRow(h.Name, h.Title, h.StaffUserId)).ToList(),
                    v.Delegation.Members.OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1)
                        .ThenBy(m => m.FullName)
                        .Select(m => new MemberRow(m.FullName, m.Title, m.Organization, m.Role))
                        .ToList(),
                    v.Agenda.OrderBy(a => a.Order)
                        .Select(a => new AgendaRow(a.Order, a.StartsAt, a.EndsAt, a.Title, a.Speaker, a.Notes))
                        .ToList(),
                    v.Topics.OrderBy(t => t.Id).Select(t => t.Title).ToList()
                ))
                .AsSplitQuery()
                .SingleOrDefaultAsync(cancellationToken);
            if (details is null)
            {
                return null;
            }

            var followUps = await db
                .FollowUps.AsNoTracking()
                .Where(f => f.VisitId == query.Id)
                .OrderBy(f => f.DueOn)
                .Select(f => new FollowUpRow(
                    f.Id,
                    f.Version,
                    f.Description,
                    f.OwnerName,
                    f.DueOn,
                    f.Status,
                    f.ClosedAtUtc,
                    f.ClosedBy
                ))
                .ToListAsync(cancellationToken);
            var report = await db
                .VisitReports.AsNoTracking()
                .Where(r => r.VisitId == query.Id)
                .Select(r => new { r.Id, r.State })
                .SingleOrDefaultAsync(cancellationToken);
            var id = query.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var history = await db
                .AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Visit) && a.EntityId == id)
                .OrderByDescending(a => a.OccurredAtUtc)
                .ThenByDescending(a => a.Id)
                .Take(100)
                .Select(a => new HistoryRow(a.OccurredAtUtc, a.ActorName, a.Action))
                .ToListAsync(cancellationToken);

            return details with
            {
                FollowUps = followUps,
                ReportState = report?.State,
                ReportId = report?.Id,
                History = history,
            };
        }
    }
}
