using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>An administrator resets a colleague's two-factor sign-in (a lost phone, no recovery codes left): two
/// factors off, the key and recovery codes forgotten, every session ended. The colleague signs in with their password
/// and enrols again (an administrator must, before anything else). Recorded in the audit trail.</summary>
public static class ResetStaffTwoFactor
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
            var wasOn = await users.GetTwoFactorEnabledAsync(user);
            await TurnOffTwoFactor.ForgetAsync(users, user);
            StaffAccounts.Audit(db, actor, clock, user.Id, "TwoFactorReset", new { wasOn });
            return Unit.Value;
        }
    }
}
