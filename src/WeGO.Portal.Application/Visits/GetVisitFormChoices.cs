using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Application.Visits;

/// <summary>What the schedule and edit forms offer as hosts: staff members, and the Secretariat's named people
/// (contacts without an organisation, such as the Secretary General).</summary>
public static class GetVisitFormChoices
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Query : IQuery<Choices>;

    public sealed record Choices(IReadOnlyList<Person> Staff, IReadOnlyList<Person> SecretariatPeople);

    public sealed record Person(string Id, string Name, string? Title);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Choices>
    {
        public async ValueTask<Choices> Handle(Query query, CancellationToken cancellationToken)
        {
            var staffRoleIds = db
                .Roles.Where(r =>
                    r.Name == Roles.SecretariatStaff || r.Name == Roles.ProgramDirector || r.Name == Roles.Administrator
                )
                .Select(r => r.Id);
            var staff = await db
                .Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
                .OrderBy(u => u.DisplayName)
                .Select(u => new Person(u.Id, u.DisplayName, null))
                .ToListAsync(cancellationToken);
            var people = await db
                .Contacts.AsNoTracking()
                .Where(c => c.OrganizationId == null)
                .OrderBy(c => c.FullName)
                .Select(c => new
                {
                    c.Id,
                    c.FullName,
                    c.Title,
                })
                .ToListAsync(cancellationToken);
            return new Choices(
                staff,
                [.. people.Select(c => new Person(c.Id.ToString(CultureInfo.InvariantCulture), c.FullName, c.Title))]
            );
        }
    }
}
