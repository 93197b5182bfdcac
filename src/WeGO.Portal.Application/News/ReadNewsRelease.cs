using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.News;

/// <summary>A published release at its stable address, in the reader's language where that version is published
/// (else English, else any); null when nothing under that address is published.</summary>
public static class ReadNewsRelease
{
    [Public]
    public sealed record Query(string Slug, string Language) : IQuery<Release?>;

    public sealed record Release(
        string Slug,
        string Language,
        string Headline,
        string Dateline,
        string Body,
        DateTime PublishedAtUtc,
        IReadOnlyList<string> Languages
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Release?>
    {
        public async ValueTask<Release?> Handle(Query query, CancellationToken cancellationToken)
        {
            var versions = await db
                .NewsReleases.AsNoTracking()
                .Where(r => r.Slug == query.Slug && r.PublishedAtUtc != null)
                .Select(r => new Release(
                    r.Slug,
                    r.Language,
                    r.Headline,
                    r.Dateline,
                    r.Body,
                    r.PublishedAtUtc!.Value,
                    Array.Empty<string>()
                ))
                .ToListAsync(cancellationToken);
            var shown = ReleaseVersions.Pick(versions, v => v.Language, query.Language);
            return shown is null
                ? null
                : shown with
                {
                    Languages = [.. versions.Select(v => v.Language).OrderBy(l => l, StringComparer.Ordinal)],
                };
        }
    }
}
