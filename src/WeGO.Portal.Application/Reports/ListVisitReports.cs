using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>All reports, or those in one state, newest visit first, with how many there are in each state.</summary>
public static class ListVisitReports
{
    public const int PageSize = 100;

    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(ReviewState? State) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<ReportRow> Reports, IReadOnlyDictionary<ReviewState, int> CountByState);

    public sealed record ReportRow
    {
        public required int Id { get; init; }

        public required int VisitId { get; init; }

        public required string Organization { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required ReviewState State { get; init; }

        public required string AuthorName { get; init; }

        public required DateTime UpdatedAtUtc { get; init; }

        public required DateTime? SubmittedAtUtc { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var reports = db.VisitReports.AsNoTracking();
            if (query.State is { } state)
            {
                reports = reports.Where(r => r.State == state);
            }

            var rows = await (
                from r in reports
                join v in db.Visits on r.VisitId equals v.Id
                orderby v.StartsAtUtc descending, r.Id descending
                select new ReportRow
                {
                    Id = r.Id,
                    VisitId = v.Id,
                    Organization = v.Organization.Name,
                    StartsAtUtc = v.StartsAtUtc,
                    TimeZoneId = v.TimeZoneId,
                    State = r.State,
                    AuthorName = r.AuthorName,
                    UpdatedAtUtc = r.UpdatedAtUtc,
                    SubmittedAtUtc = r.SubmittedAtUtc,
                }
            )
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            var counts = await db
                .VisitReports.AsNoTracking()
                .GroupBy(r => r.State)
                .Select(g => new { State = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
            return new Result(rows, counts);
        }
    }
}
