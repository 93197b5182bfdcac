using Microsoft.AspNetCore.Identity;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Staff;

internal static class StaffAccounts
{
    /// <summary>Identity reports refusals as results; the portal shows them like any other broken rule.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException("Staff.IdentityRefused", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
