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

    public sealed record Release
    {
        public required string Slug { get; init; }

        public required string Language { get; init; }

        public required string Headline { get; init; }

        public required string Dateline { get; init; }

        public required string Body { get; init; }

        public required DateTime PublishedAtUtc { get; init; }

        /// <summary>Every language the release is published in; set after the versions are read.</summary>
        public IReadOnlyList<string> Languages { get; init; } = [];
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Release?>
    {
        public async ValueTask<Release?> Handle(Query query, CancellationToken cancellationToken)
        {
            var versions = await db
                .NewsReleases.AsNoTracking()
                .Where(r => r.Slug == query.Slug && r.PublishedAtUtc != null)
                .Select(r => new Release
                {
                    Slug = r.Slug,
                    Language = r.Language,
                    Headline = r.Headline,
                    Dateline = r.Dateline,
                    Body = r.Body,
                    PublishedAtUtc = r.PublishedAtUtc!.Value,
                })
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
