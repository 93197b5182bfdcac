using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>A staff member turns two-factor sign-in off: the authenticator's key and the recovery codes are forgotten,
/// so turning it on again means enrolling afresh. Refused to an administrator while the installation requires it of
/// them (<see cref="TwoFactorSettings.RequiredForAdministrators"/>).</summary>
public static class TurnOffTwoFactor
{
    [AllowedTo(RoleGroup.Administration, OrOwnAccount = true)]
    public sealed record Command(string UserId) : ICommand, IAboutOneAccount;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UserId).NotEmpty();
    }

    public sealed class Handler(
        UserManager<StaffUser> users,
        IOptions<TwoFactorSettings> settings,
        PortalDbContext db,
        ICurrentActor actor,
        TimeProvider clock
    ) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId) ?? throw new DomainException("Staff.NotFound");
            if (settings.Value.RequiredForAdministrators && await users.IsInRoleAsync(user, Roles.Administrator))
            {
                throw new DomainException("TwoFactor.RequiredForAdministrators");
            }

            await ForgetAsync(users, user);
            StaffAccounts.Audit(db, actor, clock, user.Id, "TwoFactorDisabled", new { });
            return Unit.Value;
        }
    }

    /// <summary>Two factors off, a fresh key nobody has enrolled, no recovery codes; a new security stamp ends the
    /// person's sessions.</summary>
    internal static async Task ForgetAsync(UserManager<StaffUser> users, StaffUser user)
    {
        StaffAccounts.Check(await users.SetTwoFactorEnabledAsync(user, false));
        StaffAccounts.Check(await users.ResetAuthenticatorKeyAsync(user));
        StaffAccounts.Check(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes"));
        await StaffAccounts.EndSessionsAsync(users, user);
    }
}
