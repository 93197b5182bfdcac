using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Privacy;

namespace WeGO.Portal.Application.Privacy;

/// <summary>The people's requests carried out, newest first: when, which kind, how many records of each store, and who
/// carried it out (from the audit trail). Nothing about the person.</summary>
public static class ListPrivacyRequests
{
    public const int Shown = 100;

    [AllowedTo(RoleGroup.Administration)]
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(
        int Id,
        PrivacyRequestKind Kind,
        DateTime CarriedOutAtUtc,
        IReadOnlyDictionary<string, int> Counts,
        string? CarriedOutBy
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var requests = await db
                .PrivacyRequests.AsNoTracking()
                .OrderByDescending(r => r.CarriedOutAtUtc)
                .ThenByDescending(r => r.Id)
                .Take(Shown)
                .ToListAsync(cancellationToken);
            var ids = requests.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var actors = await db
                .AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(PrivacyRequest) && ids.Contains(a.EntityId))
                .Select(a => new { a.EntityId, a.ActorName })
                .ToListAsync(cancellationToken);
            var by = actors
                .GroupBy(a => a.EntityId)
                .ToDictionary(g => g.Key, g => g.First().ActorName, StringComparer.Ordinal);
            return
            [
                .. requests.Select(r => new Row(
                    r.Id,
                    r.Kind,
                    r.CarriedOutAtUtc,
                    r.CountsByStore,
                    by.GetValueOrDefault(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                )),
            ];
        }
    }
}
