using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>The staff calendar feed: every visit from a quarter ago to a year and a bit ahead, as one iCalendar
/// that Outlook or Google Calendar subscribe to. Cancelled visits stay in it, marked, so subscribed calendars
/// drop them instead of keeping the old time.</summary>
public static class ExportVisitFeed
{
    public const int DaysBack = 90;
    public const int DaysAhead = 400;

    /// <param name="PortalRoot">The portal's address, for links from the events back to the visits' pages.</param>
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(Uri? PortalRoot = null) : IQuery<string>;

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IStringLocalizer<Messages> text)
        : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var from = now.AddDays(-DaysBack);
            var to = now.AddDays(DaysAhead);
            var visits = await ExportVisitCalendar
                .Project(
                    db.Visits.AsNoTracking()
                        .Where(v => v.StartsAtUtc >= from && v.StartsAtUtc < to)
                        .OrderBy(v => v.StartsAtUtc)
                        .ThenBy(v => v.Id)
                )
                .ToListAsync(cancellationToken);
            return ExportVisitCalendar.Write(visits, now, text, query.PortalRoot, text["Ics.FeedName"]);
        }
    }
}
