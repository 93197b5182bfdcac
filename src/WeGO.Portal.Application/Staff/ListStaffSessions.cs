using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Staff;

/// <summary>A user's open sessions, most recently used first: when they began, when they were last used (to within
/// <see cref="StaffSession.LastSeenPrecision"/>) and from which browser.</summary>
public static class ListStaffSessions
{
    [AllowedTo(RoleGroup.Administration, OrOwnAccount = true)]
    public sealed record Query(string UserId) : IQuery<IReadOnlyList<Row>>, IAboutOneAccount;

    public sealed record Row(string Id, DateTime StartedAtUtc, DateTime LastSeenAtUtc, string UserAgent);

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            return await OpenSessions
                .Open(db, clock.GetUtcNow().UtcDateTime)
                .AsNoTracking()
                .Where(s => s.UserId == query.UserId)
                .OrderByDescending(s => s.LastSeenAtUtc)
                .Select(s => new Row(s.Id, s.StartedAtUtc, s.LastSeenAtUtc, s.UserAgent))
                .ToListAsync(cancellationToken);
        }
    }
}
