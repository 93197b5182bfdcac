using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>A staff member confirms their authenticator app with the code it shows: two-factor sign-in is on from
/// their next sign-in, and they get recovery codes, shown once: each signs in once without the app.</summary>
public static class TurnOnTwoFactor
{
    public const int CodeMaxLength = 20;

    [AllowedTo(RoleGroup.Administration, OrOwnAccount = true)]
    public sealed record Command(string UserId, string Code) : ICommand<IReadOnlyList<string>>, IAboutOneAccount;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleFor(c => c.Code).NotEmpty().MaximumLength(CodeMaxLength);
        }
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
            if (
                await users.GetAuthenticatorKeyAsync(user) is null
                || !await users.VerifyTwoFactorTokenAsync(
                    user,
                    users.Options.Tokens.AuthenticatorTokenProvider,
                    TwoFactorSettings.Compact(command.Code)
                )
            )
            {
                throw new DomainException("TwoFactor.WrongCode");
            }

            StaffAccounts.Check(await users.SetTwoFactorEnabledAsync(user, true));
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorSettings.RecoveryCodeCount);
            StaffAccounts.Audit(db, actor, clock, user.Id, "TwoFactorEnabled", new { });
            return [.. codes ?? []];
        }
    }
}
