using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Infrastructure.Identity;

/// <summary>Makes sure the roles exist and that a fresh database has an administrator, taken from
/// Portal:Admin:Email and Portal:Admin:Password. With no password configured one is generated, printed
/// once to the console (never to the log files) and must be changed at first sign-in. With local passwords off
/// (<see cref="SignInSettings.LocalPasswords"/>) the administrator gets no password and signs in through the
/// organisation's provider with that address.</summary>
public sealed class AdministratorBootstrap(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    IOptions<SignInSettings> signIn,
    TimeProvider clock,
    ILogger<AdministratorBootstrap> logger
)
{
    public const string DefaultEmail = "admin@wego-portal.local";

    public async Task EnsureAsync(TextWriter console)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        if (await users.Users.AnyAsync())
        {
            return;
        }

        var email = configuration["Portal:Admin:Email"];
        email = string.IsNullOrWhiteSpace(email) ? DefaultEmail : email.Trim();
        if (!signIn.Value.LocalPasswords)
        {
            var invited = NewAdministrator(email, mustChangePassword: false);
            Check(await users.CreateAsync(invited));
            Check(await users.AddToRoleAsync(invited, Roles.Administrator));
            logger.LogInformation("Created the administrator account, to sign in through the organisation's provider");
            return;
        }

        var configuredPassword = configuration["Portal:Admin:Password"];
        var generated = string.IsNullOrEmpty(configuredPassword);
        var password = generated ? TemporaryPassword.Generate() : configuredPassword!;

        var admin = NewAdministrator(email, mustChangePassword: generated);
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, Roles.Administrator));

        if (generated)
        {
            logger.LogWarning(
                "Created the administrator account with a generated one-time password, shown on the console only"
            );
            await console.WriteLineAsync(
                $"""

                ================================================================
                 WeGO Portal: administrator account created
                   Email:    {email}
                   Password: {password}
                 This password is shown once. You will choose your own at first sign-in.
                ================================================================

                """
            );
        }
        else
        {
            logger.LogInformation("Created the administrator account from configuration");
        }
    }

    private StaffUser NewAdministrator(string email, bool mustChangePassword) =>
        new()
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            MustChangePassword = mustChangePassword,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create the administrator: " + string.Join("; ", result.Errors.Select(e => e.Description))
            );
        }
    }
}
