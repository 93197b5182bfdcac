using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.News;

/// <summary>The public news list: published releases, newest first, each in the reader's language where that
/// version is published (else English, else any), with the languages it can be read in.</summary>
public static class ListPublishedNews
{
    public const int PageSize = 20;

    [Public]
    public sealed record Query(string Language, int Page = 1) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed record Row(
        string Slug,
        string Language,
        string Headline,
        string Dateline,
        DateTime PublishedAtUtc,
        IReadOnlyList<string> Languages
    );

    private sealed record Version(
        string Slug,
        string Language,
        string Headline,
        string Dateline,
        DateTime PublishedAtUtc
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, query.Page);
            var published = db.NewsReleases.AsNoTracking().Where(r => r.PublishedAtUtc != null);
            var total = await published.Select(r => r.Slug).Distinct().CountAsync(cancellationToken);
            var slugs = await published
                .GroupBy(r => r.Slug)
                .Select(g => new { Slug = g.Key, First = g.Min(r => r.PublishedAtUtc) })
                .OrderByDescending(g => g.First)
                .ThenBy(g => g.Slug)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(g => g.Slug)
                .ToListAsync(cancellationToken);
            var versions = await published
                .Where(r => slugs.Contains(r.Slug))
                .Select(r => new Version(r.Slug, r.Language, r.Headline, r.Dateline, r.PublishedAtUtc!.Value))
                .ToListAsync(cancellationToken);

            var rows = slugs
                .Select(slug => versions.Where(v => v.Slug == slug).ToList())
                .Select(group => (Shown: ReleaseVersions.Pick(group, v => v.Language, query.Language)!, Group: group))
                .Select(x => new Row(
                    x.Shown.Slug,
                    x.Shown.Language,
                    x.Shown.Headline,
                    x.Shown.Dateline,
                    x.Group.Min(v => v.PublishedAtUtc),
                    [.. x.Group.Select(v => v.Language).OrderBy(l => l, StringComparer.Ordinal)]
                ))
                .ToList();
            return new Result(rows, total, page);
        }
    }
}
