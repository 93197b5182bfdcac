using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Membership;

/// <summary>What a private status link opens: an inquiry, and the application that grew from it; or an application
/// received directly, which has a link of its own.</summary>
public static class ApplicationByStatusLink
{
    /// <summary>The application the link's holder may see and send documents to: the one with this link, else the
    /// latest of the inquiry with this link; null for a malformed or unknown link.</summary>
    public static async Task<int?> IdAsync(PortalDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (!PrivateLinks.IsWellFormed(token))
        {
            return null;
        }

        var hash = PrivateLinks.HashStatusToken(token!);
        return await db
            .MembershipApplications.Where(a => a.StatusTokenHash == hash)
            .Select(a => (int?)a.Id)
            .SingleOrDefaultAsync(cancellationToken)
            ?? await db
                .MembershipApplications.Where(a =>
                    db.MembershipInquiries.Any(i => i.Id == a.InquiryId && i.StatusToken == hash)
                )
                .OrderByDescending(a => a.ReceivedAtUtc)
                .ThenByDescending(a => a.Id)
                .Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(cancellationToken);
    }
}
