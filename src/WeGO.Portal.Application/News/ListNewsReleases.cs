using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.News;

/// <summary>Every release for staff, newest visit first: the visit it tells of and each language version with its
/// state.</summary>
public static class ListNewsReleases
{
    public const int PageSize = 50;

    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int Page = 1) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed record Row
    {
        public required string Slug { get; init; }

        public required int ReportId { get; init; }

        public required int VisitId { get; init; }

        public required string Organization { get; init; }

        public required DateTime VisitStartsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required IReadOnlyList<VersionRow> Versions { get; init; }
    }

    public sealed record VersionRow(int Id, string Language, string Headline, DateTime? PublishedAtUtc);

    private sealed record Flat
    {
        public required string Slug { get; init; }

        public required int ReportId { get; init; }

        public required int VisitId { get; init; }

        public required string Organization { get; init; }

        public required DateTime VisitStartsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required VersionRow Version { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, query.Page);
            var releases = db.NewsReleases.AsNoTracking();
            var total = await releases.Select(r => r.Slug).Distinct().CountAsync(cancellationToken);
            var slugs = await releases
                .GroupBy(r => r.Slug)
                .Select(g => new { Slug = g.Key, Newest = g.Max(r => r.Id) })
                .OrderByDescending(g => g.Newest)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(g => g.Slug)
                .ToListAsync(cancellationToken);
            var flat = await (
                from release in releases.Where(r => slugs.Contains(r.Slug))
                join report in db.VisitReports on release.VisitReportId equals report.Id
                join visit in db.Visits on report.VisitId equals visit.Id
                select new Flat
                {
                    Slug = release.Slug,
                    ReportId = report.Id,
                    VisitId = visit.Id,
                    Organization = visit.Organization.Name,
                    VisitStartsAtUtc = visit.StartsAtUtc,
                    TimeZoneId = visit.TimeZoneId,
                    Version = new VersionRow(release.Id, release.Language, release.Headline, release.PublishedAtUtc),
                }
            ).ToListAsync(cancellationToken);

            var rows = slugs
                .Select(slug => flat.Where(f => f.Slug == slug).ToList())
                .Where(group => group.Count > 0)
                .Select(group => new Row
                {
                    Slug = group[0].Slug,
                    ReportId = group[0].ReportId,
                    VisitId = group[0].VisitId,
                    Organization = group[0].Organization,
                    VisitStartsAtUtc = group[0].VisitStartsAtUtc,
                    TimeZoneId = group[0].TimeZoneId,
                    Versions = [.. group.Select(f => f.Version).OrderBy(v => v.Language, StringComparer.Ordinal)],
                })
                .ToList();
            return new Result(rows, total, page);
        }
    }
}
