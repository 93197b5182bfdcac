using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

/// <summary>An administrator gives a colleague an account: e-mail, name and roles. The portal makes a one-time
/// password for the administrator to hand over; the colleague chooses their own at first sign-in. With local passwords
/// off (<see cref="SignInSettings.LocalPasswords"/>) the account has no password: the colleague signs in through the
/// organisation's provider with this address, which is what "invited" means.</summary>
public static class CreateStaffUser
{
    [AllowedTo(RoleGroup.Administration)]
    public sealed record Command : ICommand<Result>
    {
        public string Email { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public List<string> Roles { get; init; } = [];
    }

    /// <param name="TemporaryPassword">Null when local passwords are off.</param>
    public sealed record Result(string UserId, string Email, string? TemporaryPassword);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(StaffUser.EmailMaxLength).EmailAddress();
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(PersonName.MaxLength);
            RuleFor(c => c.Roles).NotEmpty();
            RuleForEach(c => c.Roles).Must(role => Staff.Roles.All.Contains(role));
        }
    }

    public sealed class Handler(UserManager<StaffUser> users, IOptions<SignInSettings> signIn, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                throw new DomainException("Staff.EmailTaken", email);
            }

            var password = signIn.Value.LocalPasswords ? TemporaryPassword.Generate() : null;
            var user = new StaffUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = command.DisplayName.Trim(),
                MustChangePassword = password is not null,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            StaffAccounts.Check(await (password is null ? users.CreateAsync(user) : users.CreateAsync(user, password)));
            StaffAccounts.Check(await users.AddToRolesAsync(user, command.Roles.Distinct()));
            return new Result(user.Id, email, password);
        }
    }
}
