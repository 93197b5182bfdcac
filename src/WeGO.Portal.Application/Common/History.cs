using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Common;

/// <summary>One line of a record's history: when, who, what (an <see cref="Domain.Common.AuditEntry"/>'s action).
/// </summary>
public sealed record HistoryRow(DateTime OccurredAtUtc, string ActorName, string Action);

public static class History
{
    public const int Shown = 100;

    /// <summary>The latest entries of one aggregate's history, newest first.</summary>
    public static async Task<IReadOnlyList<HistoryRow>> OfAsync(
        PortalDbContext db,
        string entityType,
        int id,
        CancellationToken cancellationToken
    )
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db
            .AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == key)
            .OrderByDescending(a => a.OccurredAtUtc)
            .ThenByDescending(a => a.Id)
            .Take(Shown)
            .Select(a => new HistoryRow(a.OccurredAtUtc, a.ActorName, a.Action))
            .ToListAsync(cancellationToken);
    }
}
