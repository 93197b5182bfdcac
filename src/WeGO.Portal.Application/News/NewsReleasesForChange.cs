using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.News;

public static class NewsReleasesForChange
{
    /// <summary>Loads one language version of a release expecting the version the user's form was built from: if a
    /// colleague saved it since, the save fails as a concurrency conflict instead of overwriting their text.</summary>
    public static Task<NewsRelease> LoadReleaseForChangeAsync(
        this PortalDbContext db,
        int releaseId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) => db.NewsReleases.SingleForChangeAsync(db, releaseId, expectedVersion, "Release.NotFound", cancellationToken);
}
