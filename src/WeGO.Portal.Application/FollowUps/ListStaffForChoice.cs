using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>The colleagues a follow-up can be given to: every account with a staff role, by name.</summary>
public static class ListStaffForChoice
{
    public sealed record Query : IQuery<IReadOnlyList<Choice>>;

    public sealed record Choice(string Id, string Name);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, IReadOnlyList<Choice>>
    {
        public async ValueTask<IReadOnlyList<Choice>> Handle(Query query, CancellationToken cancellationToken) =>
            await Choices(db).OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    internal static IQueryable<Choice> Choices(PortalDbContext db)
    {
        string[] staffRoles = [.. Roles.All];
        return db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staffRoles.Contains(r.Name!))))
            .Select(u => new Choice(u.Id, u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id));
    }
}
