using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Staff;

/// <summary>A user's open sessions, most recently used first: when they began, when they were last used (to within
/// <see cref="StaffSession.LastSeenPrecision"/>) and from which browser.</summary>
public static class ListStaffSessions
{
    public sealed record Query(string UserId) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(string Id, DateTime StartedAtUtc, DateTime LastSeenAtUtc, string UserAgent);

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var idleSince = clock.GetUtcNow().UtcDateTime - StaffSession.IdleLifetime;
            return await db.StaffSessions.AsNoTracking()
                .Where(s => s.UserId == query.UserId && s.EndedAtUtc == null && s.LastSeenAtUtc >= idleSince)
                .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s, u.SecurityStamp })
                .Where(x => x.s.SecurityStamp == x.SecurityStamp)
                .OrderByDescending(x => x.s.LastSeenAtUtc)
                .Select(x => new Row(x.s.Id, x.s.StartedAtUtc, x.s.LastSeenAtUtc, x.s.UserAgent))
                .ToListAsync(cancellationToken);
        }
    }
}
