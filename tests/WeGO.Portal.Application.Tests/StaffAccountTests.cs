using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

public sealed class StaffAccountTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A portal of its own, whose only administrator is the bootstrap one: the tests of the last
    /// administrator count every administrator there is.</summary>
    private static PortalFactory Alone() => new PortalFactory { SeedDemo = false }.Start();

    private static string Email(string name) => $"{TestData.Unique(name).Replace(' ', '.')}@we-gov.org";

    [Fact]
    public async Task Creating_a_staff_user_gives_a_one_time_password_that_must_be_changed()
    {
        var email = Email("lii.inn.tan");
        var created = await portal.SendAsync(
            new CreateStaffUser.Command
            {
                Email = email,
                DisplayName = "Lii Inn Tan",
                Roles = [Roles.ProgramDirector],
            }
        );

        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.True(user.MustChangePassword);
        // Local passwords are on by default, so there is a one-time password to hand over.
        Assert.NotNull(created.TemporaryPassword);
        Assert.True(await users.CheckPasswordAsync(user, created.TemporaryPassword));
        Assert.Equal([Roles.ProgramDirector], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task Invalid_staff_user_is_refused_field_by_field_and_nothing_is_stored()
    {
        var before = await portal.WithDbAsync(db => db.Users.CountAsync());

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(
                new CreateStaffUser.Command
                {
                    Email = "not-an-email",
                    DisplayName = "",
                    Roles = ["Emperor"],
                }
            )
        );

        Assert.Equal(
            ["DisplayName", "Email", "Roles[0]"],
            refused.Errors.Select(e => e.PropertyName).Distinct().Order()
        );
        Assert.Equal(before, await portal.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task An_email_gets_one_account()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(
                new CreateStaffUser.Command
                {
                    Email = PortalFactory.AdminEmail,
                    DisplayName = "Second admin",
                    Roles = [Roles.Administrator],
                }
            )
        );

        Assert.Equal("Staff.EmailTaken", refused.Code);
    }

    [Fact]
    public async Task The_last_administrator_cannot_lose_the_role()
    {
        using var alone = Alone();
        var adminId = await alone.WithDbAsync(db =>
            db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync()
        );

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            alone.SendAsync(new ChangeStaffRoles.Command { UserId = adminId, Roles = [Roles.SecretariatStaff] })
        );

        Assert.Equal("Staff.LastAdministrator", refused.Code);
        var roles = await alone.SendAsync(new ListStaffUsers.Query(adminId));
        Assert.Equal([Roles.Administrator], roles.Single().Roles);
    }

    [Fact]
    public async Task Changing_roles_is_recorded_in_the_audit_trail()
    {
        var created = await portal.SendAsync(
            new CreateStaffUser.Command
            {
                Email = Email("staff"),
                DisplayName = "Staff",
                Roles = [Roles.SecretariatStaff],
            }
        );

        await portal.SendAsync(
            new ChangeStaffRoles.Command
            {
                UserId = created.UserId,
                Roles = [Roles.SecretariatStaff, Roles.ProgramDirector],
            }
        );

        var row = (await portal.SendAsync(new ListStaffUsers.Query(created.UserId))).Single();
        Assert.Equal([Roles.ProgramDirector, Roles.SecretariatStaff], row.Roles);
        var audit = await portal.WithDbAsync(db =>
            db.AuditEntries.SingleAsync(a => a.EntityType == nameof(StaffUser) && a.EntityId == created.UserId)
        );
        Assert.Equal("RolesChanged", audit.Action);
        Assert.Contains(Roles.ProgramDirector, audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_administrator_does_not_count_so_the_last_enabled_one_cannot_be_demoted_or_disabled()
    {
        using var alone = Alone();
        var bootstrapId = await alone.WithDbAsync(db =>
            db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync()
        );
        var second = await alone.SendAsync(
            new CreateStaffUser.Command
            {
                Email = "second.admin@we-gov.org",
                DisplayName = "Second",
                Roles = [Roles.Administrator],
            }
        );
        await alone.SendAsync(new DisableStaffAccount.Command(bootstrapId));

        var demoted = await Assert.ThrowsAsync<DomainException>(() =>
            alone.SendAsync(new ChangeStaffRoles.Command { UserId = second.UserId, Roles = [Roles.SecretariatStaff] })
        );
        var disabled = await Assert.ThrowsAsync<DomainException>(() =>
            alone.SendAsync(new DisableStaffAccount.Command(second.UserId))
        );

        Assert.Equal("Staff.LastAdministrator", demoted.Code);
        Assert.Equal("Staff.LastAdministrator", disabled.Code);
        Assert.Equal(
            [true, false],
            (await alone.SendAsync(new ListStaffUsers.Query()))
                .OrderBy(r => r.Email != PortalFactory.AdminEmail)
                .Select(r => r.Disabled)
        );
    }

    [Fact]
    public async Task A_role_change_renews_the_security_stamp_and_saving_the_same_roles_does_not()
    {
        var created = await portal.SendAsync(
            new CreateStaffUser.Command
            {
                Email = Email("stamp"),
                DisplayName = "Stamp",
                Roles = [Roles.SecretariatStaff],
            }
        );
        Task<string?> StampAsync() =>
            portal.WithDbAsync(db =>
                db.Users.Where(u => u.Id == created.UserId).Select(u => u.SecurityStamp).SingleAsync()
            );
        var before = await StampAsync();

        await portal.SendAsync(
            new ChangeStaffRoles.Command { UserId = created.UserId, Roles = [Roles.SecretariatStaff] }
        );
        var unchanged = await StampAsync();
        await portal.SendAsync(
            new ChangeStaffRoles.Command { UserId = created.UserId, Roles = [Roles.ProgramDirector] }
        );

        Assert.Equal(before, unchanged);
        Assert.NotEqual(before, await StampAsync());
    }
}
