using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Data;

public static class LoadForChange
{
    /// <summary>Loads one record (with whatever <paramref name="query"/> includes for its rules) expecting the version
    /// the user's page was built from: if someone saved it since, the unit of work's save fails with a concurrency
    /// conflict instead of overwriting their change. A record that is gone is refused with
    /// <paramref name="notFoundCode"/>.</summary>
    public static async Task<T> SingleForChangeAsync<T>(
        this IQueryable<T> query,
        PortalDbContext db,
        int id,
        int expectedVersion,
        string notFoundCode,
        CancellationToken cancellationToken
    )
        where T : AggregateRoot
    {
        var entity = await query.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new DomainException(notFoundCode);
        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
        return entity;
    }
}
