using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.News;

namespace WeGO.Portal.Application.News;

/// <summary>One language version of a release for staff (draft or published), with its other language
/// versions.</summary>
public static class GetNewsRelease
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int Id) : IQuery<Details?>;

    public sealed record Details
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required int ReportId { get; init; }

        public required int VisitId { get; init; }

        public required string Organization { get; init; }

        public required string Language { get; init; }

        public required string Slug { get; init; }

        public required string Headline { get; init; }

        public required string Dateline { get; init; }

        public required string Body { get; init; }

        public required DateTime? PublishedAtUtc { get; init; }

        public IReadOnlyList<ListNewsReleases.VersionRow> Versions { get; init; } = [];

        /// <summary>Texts from the visit's record, still in the language they were entered in, that the body keeps
        /// although the release is in another language: for the writer to translate before publishing.</summary>
        public IReadOnlyList<string> Untranslated { get; init; } = [];

        public bool CanPublish => NewsRelease.CanPublishAt(PublishedAtUtc);
    }

    public sealed class Handler(PortalDbContext db, IOptions<NewsSettings> settings) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            var details = await (
                from release in db.NewsReleases.AsNoTracking()
                where release.Id == query.Id
                join report in db.VisitReports on release.VisitReportId equals report.Id
                join visit in db.Visits on report.VisitId equals visit.Id
                select new Details
                {
                    Id = release.Id,
                    Version = release.Version,
                    ReportId = report.Id,
                    VisitId = visit.Id,
                    Organization = visit.Organization.Name,
                    Language = release.Language,
                    Slug = release.Slug,
                    Headline = release.Headline,
                    Dateline = release.Dateline,
                    Body = release.Body,
                    PublishedAtUtc = release.PublishedAtUtc,
                }
            ).SingleOrDefaultAsync(cancellationToken);
            if (details is null)
            {
                return null;
            }

            var versions = await db
                .NewsReleases.AsNoTracking()
                .Where(r => r.Slug == details.Slug)
                .OrderBy(r => r.Language)
                .Select(r => new ListNewsReleases.VersionRow(r.Id, r.Language, r.Headline, r.PublishedAtUtc))
                .ToListAsync(cancellationToken);
            return details with
            {
                Versions = versions,
                Untranslated = await UntranslatedAsync(details, cancellationToken),
            };
        }

        /// <summary>What drafting the release again would leave as entered, where the body still has it.</summary>
        private async Task<IReadOnlyList<string>> UntranslatedAsync(
            Details details,
            CancellationToken cancellationToken
        )
        {
            if (details.Language == ReleaseText.FactsLanguage)
            {
                return [];
            }

            var report = await db
                .VisitReports.AsNoTracking()
                .Where(r => r.Id == details.ReportId)
                .Select(r => new { r.Participants, r.Outcomes })
                .SingleAsync(cancellationToken);
            var facts = await ReleaseText.FactsOfAsync(
                db,
                details.VisitId,
                report.Participants,
                report.Outcomes,
                cancellationToken
            );
            var text = details.Headline + "\n" + details.Body;
            return
            [
                .. ReleaseText
                    .Write(facts, details.Language, settings.Value)
                    .Untranslated.Where(piece => text.Contains(piece, StringComparison.Ordinal)),
            ];
        }
    }
}
