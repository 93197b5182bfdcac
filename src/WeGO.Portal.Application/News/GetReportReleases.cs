using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.News;

/// <summary>A visit report as the release drafting page needs it: the visit, whether the report is approved,
/// and the language versions already drafted.</summary>
public static class GetReportReleases
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Query(int ReportId) : IQuery<Result?>;

    public sealed record Result(
        int ReportId,
        int VisitId,
        string Organization,
        DateTime VisitStartsAtUtc,
        string TimeZoneId,
        ReviewState State
    )
    {
        public IReadOnlyList<ListNewsReleases.VersionRow> Versions { get; init; } = [];

        public bool CanRelease => VisitReport.CanReleaseIn(State);

        public IEnumerable<string> LanguagesToDraft => ReleaseText.Languages.Except(Versions.Select(v => v.Language));
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken)
        {
            var result = await (
                from report in db.VisitReports.AsNoTracking()
                where report.Id == query.ReportId
                join visit in db.Visits on report.VisitId equals visit.Id
                select new Result(
                    report.Id,
                    visit.Id,
                    visit.Organization.Name,
                    visit.StartsAtUtc,
                    visit.TimeZoneId,
                    report.State
                )
            ).SingleOrDefaultAsync(cancellationToken);
            if (result is null)
            {
                return null;
            }

            var versions = await db
                .NewsReleases.AsNoTracking()
                .Where(r => r.VisitReportId == query.ReportId)
                .OrderBy(r => r.Language)
                .Select(r => new ListNewsReleases.VersionRow(r.Id, r.Language, r.Headline, r.PublishedAtUtc))
                .ToListAsync(cancellationToken);
            return result with { Versions = versions };
        }
    }
}
