using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>An administrator disables a colleague's account: it cannot sign in, its sessions end at their next request
/// and its calendar feed closes. Nobody disables their own account, and the last enabled administrator stays.</summary>
public static class DisableStaffAccount
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
            if (user.Id == actor.UserId)
            {
                throw new DomainException("Staff.CannotDisableSelf");
            }

            if (user.IsDisabled)
            {
                return Unit.Value;
            }

            await StaffAccounts.EnsureAnotherAdministratorAsync(users, user);
            StaffAccounts.Check(await users.SetLockoutEnabledAsync(user, true));
            StaffAccounts.Check(await users.SetLockoutEndDateAsync(user, StaffUser.DisabledUntil));
            await StaffAccounts.EndSessionsAsync(users, user);
            StaffAccounts.Audit(db, actor, clock, user.Id, "AccountDisabled", new { });
            return Unit.Value;
        }
    }
}
