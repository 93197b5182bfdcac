using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>An administrator sets which roles a colleague has; the colleague's sessions end, so their next request
/// signs in again with the new roles. The last enabled administrator cannot be demoted.</summary>
public static class ChangeStaffRoles
{
    [AllowedTo(RoleGroup.Administration)]
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

    public sealed class Handler(
        UserManager<StaffUser> users,
        PortalDbContext db,
        ICurrentActor actor,
        TimeProvider clock
    ) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId) ?? throw new DomainException("Staff.NotFound");
            var current = await users.GetRolesAsync(user);
            var wanted = command.Roles.Distinct().ToList();

            if (current.Order().SequenceEqual(wanted.Order()))
            {
                return Unit.Value;
            }

            if (!wanted.Contains(Roles.Administrator))
            {
                await StaffAccounts.EnsureAnotherAdministratorAsync(users, user);
            }

            StaffAccounts.Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            StaffAccounts.Check(await users.AddToRolesAsync(user, wanted.Except(current)));

            // The roles are in every sign-in cookie: end the sessions that carry the old ones.
            await StaffAccounts.EndSessionsAsync(users, user);
            StaffAccounts.Audit(
                db,
                actor,
                clock,
                user.Id,
                "RolesChanged",
                new { from = current.Order(), to = wanted.Order() }
            );
            return Unit.Value;
        }
    }
}
