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

    public sealed record ReportRow(
        int Id,
        int VisitId,
        string Organization,
        DateTime StartsAtUtc,
        string TimeZoneId,
        ReviewState State,
        string AuthorName,
        DateTime UpdatedAtUtc,
        DateTime? SubmittedAtUtc
    );

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
                select new ReportRow(
                    r.Id,
                    v.Id,
                    v.Organization.Name,
                    v.StartsAtUtc,
                    v.TimeZoneId,
                    r.State,
                    r.AuthorName,
                    r.UpdatedAtUtc,
                    r.SubmittedAtUtc
                )
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
