using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

internal static class StaffAccounts
{
    /// <summary>Identity reports refusals as results; the portal shows them like any other broken rule.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(
                "Staff.IdentityRefused",
                string.Join(" ", result.Errors.Select(e => e.Description))
            );
        }
    }

    /// <summary>Refuses a change that would leave no enabled administrator once <paramref name="losing"/> no longer is
    /// one (demoted or disabled): the portal could not be administered again.</summary>
    public static async Task EnsureAnotherAdministratorAsync(UserManager<StaffUser> users, StaffUser losing)
    {
        if (
            !losing.IsDisabled
            && await users.IsInRoleAsync(losing, Roles.Administrator)
            && !(await users.GetUsersInRoleAsync(Roles.Administrator)).Any(u => u.Id != losing.Id && !u.IsDisabled)
        )
        {
            throw new DomainException("Staff.LastAdministrator");
        }
    }

    /// <summary>A new security stamp ends every session of the user (<see cref="OpenSessions"/>) and revokes their
    /// calendar-feed addresses.</summary>
    public static async Task EndSessionsAsync(UserManager<StaffUser> users, StaffUser user) =>
        Check(await users.UpdateSecurityStampAsync(user));

    /// <summary>Records what an administrator (or the user) did to an account in the audit trail, under the user's
    /// id.</summary>
    public static void Audit(
        PortalDbContext db,
        ICurrentActor actor,
        TimeProvider clock,
        string userId,
        string action,
        object details
    ) =>
        db.AuditEntries.Add(
            new AuditEntry(
                clock.GetUtcNow().UtcDateTime,
                actor.UserId,
                actor.Name,
                nameof(StaffUser),
                userId,
                action,
                JsonSerializer.Serialize(details)
            )
        );
}
