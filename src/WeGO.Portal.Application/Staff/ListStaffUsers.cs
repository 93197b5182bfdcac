using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Staff;

public static class ListStaffUsers
{
    /// <param name="UserId">Only this user, when given.</param>
    [AllowedTo(RoleGroup.Administration)]
    public sealed record Query(string? UserId = null) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(
        string Id,
        string Email,
        string DisplayName,
        IReadOnlyList<string> Roles,
        bool MustChangePassword,
        DateTimeOffset? LockedOutUntil
    )
    {
        /// <summary>Disabled by an administrator (<see cref="DisableStaffAccount"/>), not locked out for a
        /// while.</summary>
        public bool Disabled => LockedOutUntil == StaffUser.DisabledUntil;
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken) =>
            await db
                .Users.AsNoTracking()
                .Where(u => query.UserId == null || u.Id == query.UserId)
                .OrderBy(u => u.DisplayName)
                .ThenBy(u => u.Email)
                .Select(u => new Row(
                    u.Id,
                    u.Email ?? "",
                    u.DisplayName,
                    db.UserRoles.Where(ur => ur.UserId == u.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name ?? "")
                        .OrderBy(name => name)
                        .ToList(),
                    u.MustChangePassword,
                    u.LockoutEnd
                ))
                .ToListAsync(cancellationToken);
    }
}
