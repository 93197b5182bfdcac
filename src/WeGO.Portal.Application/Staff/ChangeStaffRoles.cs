using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>An administrator sets which roles a colleague has. The last administrator cannot be demoted.</summary>
public static class ChangeStaffRoles
{
    public sealed record Command : ICommand
    {
        public string UserId { get; init; } = "";

        public List<string> Roles { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleForEach(c => c.Roles).Must(role => Staff.Roles.All.Contains(role));
        }
    }

    public sealed class Handler(UserManager<StaffUser> users, PortalDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId) ?? throw new DomainException("Staff.NotFound");
            var current = await users.GetRolesAsync(user);
            var wanted = command.Roles.Distinct().ToList();

            if (current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator)
                && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
            {
                throw new DomainException("Staff.LastAdministrator");
            }

            StaffAccounts.Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            StaffAccounts.Check(await users.AddToRolesAsync(user, wanted.Except(current)));
            db.AuditEntries.Add(new AuditEntry(
                clock.GetUtcNow().UtcDateTime,
                actor.UserId,
                actor.Name,
                nameof(StaffUser),
                user.Id,
                "RolesChanged",
                JsonSerializer.Serialize(new { from = current.Order(), to = wanted.Order() })));
            return Unit.Value;
        }
    }
}
