using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>The colleagues a follow-up can be given to: every account with a staff role, by name.</summary>
public static class ListStaffForChoice
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Query : IQuery<IReadOnlyList<Choice>>;

    public sealed record Choice(string Id, string Name);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, IReadOnlyList<Choice>>
    {
        public async ValueTask<IReadOnlyList<Choice>> Handle(Query query, CancellationToken cancellationToken) =>
            await Choices(db).ToListAsync(cancellationToken);
    }

    /// <summary>Staff accounts by name.</summary>
    /// <param name="userId">Only this colleague, when given.</param>
    internal static IQueryable<Choice> Choices(PortalDbContext db, string? userId = null)
    {
        string[] staffRoles = [.. Roles.All];
        return db
            .Users.AsNoTracking()
            .Where(u => userId == null || u.Id == userId)
            .Where(u =>
                db.UserRoles.Any(ur =>
                    ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staffRoles.Contains(r.Name!))
                )
            )
            .OrderBy(u => u.DisplayName != "" ? u.DisplayName : u.Email)
            .ThenBy(u => u.Id)
            .Select(u => new Choice(u.Id, u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id));
    }
}
