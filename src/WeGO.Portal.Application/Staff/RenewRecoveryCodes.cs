using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>A staff member with two-factor sign-in on takes a new set of recovery codes; the old ones stop working.
/// </summary>
public static class RenewRecoveryCodes
{
    [AllowedTo(RoleGroup.Administration, OrOwnAccount = true)]
    public sealed record Command(string UserId) : ICommand<IReadOnlyList<string>>, IAboutOneAccount;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UserId).NotEmpty();
    }

    public sealed class Handler(
        UserManager<StaffUser> users,
        PortalDbContext db,
        ICurrentActor actor,
        TimeProvider clock
    ) : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId) ?? throw new DomainException("Staff.NotFound");
            if (!await users.GetTwoFactorEnabledAsync(user))
            {
                throw new DomainException("TwoFactor.NotOn");
            }

            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorSettings.RecoveryCodeCount);
            StaffAccounts.Audit(db, actor, clock, user.Id, "RecoveryCodesRenewed", new { });
            return [.. codes ?? []];
        }
    }
}
