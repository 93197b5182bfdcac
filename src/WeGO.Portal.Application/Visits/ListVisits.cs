using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

public enum VisitSort
{
    Newest = 0,
    Oldest = 1,
    City = 2,
    Status = 3,
}

/// <summary>The visits list: filtered, sorted and paged in the database, so it stays fast with 100,000
/// visits.</summary>
public static class ListVisits
{
    /// <summary>Which visits: shared by the list and its CSV export. Dates are days in the viewer's time zone, the days
    /// the list shows each visit on.</summary>
    public sealed record Filter
    {
        public VisitStatus? Status { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public Region? Region { get; init; }

        public string? Text { get; init; }

        public VisitSort Sort { get; init; }

        /// <summary>The visits this filter keeps, sorted, not yet paged.</summary>
        public IQueryable<Visit> Apply(PortalDbContext db, string timeZoneId)
        {
            var visits = db.Visits.AsNoTracking();
            if (Status is { } status)
            {
                visits = visits.Where(v => v.Status == status);
            }

            if (From is { } from)
            {
                var start = LocalDays.StartUtc(from, timeZoneId);
                visits = visits.Where(v => v.StartsAtUtc >= start);
            }

            if (To is { } to)
            {
                var end = LocalDays.EndUtc(to, timeZoneId);
                visits = visits.Where(v => v.StartsAtUtc < end);
            }

            if (Region is { } region)
            {
                visits = visits.Where(v => v.Organization.Region == region);
            }

            if (!string.IsNullOrWhiteSpace(Text))
            {
                var pattern = Like.Containing(Text);
                // Matching names in subqueries rather than through the joins lets SQLite test each table once
                // instead of joining every visit first (measured in docs/performance.md).
                var organizations = db
                    .Organizations.Where(o => EF.Functions.Like(o.Name, pattern, Like.Escape))
                    .Select(o => o.Id);
                var heads = db.Set<Delegation>()
                    .Where(d => EF.Functions.Like(d.HeadOfDelegation!, pattern, Like.Escape))
                    .Select(d => d.VisitId);
                visits = visits.Where(v =>
                    organizations.Contains(v.OrganizationId)
                    || EF.Functions.Like(v.Venue, pattern, Like.Escape)
                    || heads.Contains(v.Id)
                );
            }

            return Sort switch
            {
                VisitSort.Oldest => visits.OrderBy(v => v.StartsAtUtc).ThenBy(v => v.Id),
                VisitSort.City => visits.OrderBy(v => v.Organization.Name).ThenByDescending(v => v.StartsAtUtc),
                VisitSort.Status => visits.OrderBy(v => v.Status).ThenByDescending(v => v.StartsAtUtc),
                _ => visits.OrderByDescending(v => v.StartsAtUtc).ThenByDescending(v => v.Id),
            };
        }
    }

    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(Filter Filter, int Page = 1, int PageSize = 25) : IQuery<Result>;

    public sealed record Row
    {
        public required int Id { get; init; }

        public required string Organization { get; init; }

        public required string CountryCode { get; init; }

        public required Region Region { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required DateTime EndsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required VisitStatus Status { get; init; }

        public required int Headcount { get; init; }

        public required string? HeadOfDelegation { get; init; }

        public required IReadOnlyList<string> Hosts { get; init; }
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int TotalCount, int Page, int PageSize)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public const int MaxPageSize = 200;

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
            var filtered = query.Filter.Apply(db, viewer.TimeZoneId);
            var total = await filtered.CountAsync(cancellationToken);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
            var rows = await Project(filtered.Skip((page - 1) * pageSize).Take(pageSize))
                .ToListAsync(cancellationToken);
            return new Result(rows, total, page, pageSize);
        }
    }

    /// <summary>The row every visits listing shows, written once for the list, the export and the calendar.</summary>
    public static IQueryable<Row> Project(IQueryable<Visit> visits) =>
        visits.Select(v => new Row
        {
            Id = v.Id,
            Organization = v.Organization.Name,
            CountryCode = v.Organization.CountryCode,
            Region = v.Organization.Region,
            StartsAtUtc = v.StartsAtUtc,
            EndsAtUtc = v.EndsAtUtc,
            TimeZoneId = v.TimeZoneId,
            Status = v.Status,
            Headcount = v.Delegation.Members.Count > 0 ? v.Delegation.Members.Count : v.Delegation.ExpectedHeadcount,
            HeadOfDelegation = v.Delegation.HeadOfDelegation,
            Hosts = v.Hosts.OrderBy(h => h.Order).Select(h => h.Name).ToList(),
        });
}
