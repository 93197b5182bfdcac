using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>An administrator enables a disabled account again: it can sign in with its password (its old sessions stay
/// ended).</summary>
public static class EnableStaffAccount
{
    [AllowedTo(RoleGroup.Administration)]
    public sealed record Command(string UserId) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UserId).NotEmpty();
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
            if (!user.IsDisabled)
            {
                return Unit.Value;
            }

            StaffAccounts.Check(await users.SetLockoutEndDateAsync(user, null));
            StaffAccounts.Check(await users.ResetAccessFailedCountAsync(user));
            StaffAccounts.Audit(db, actor, clock, user.Id, "AccountEnabled", new { });
            return Unit.Value;
        }
    }
}
