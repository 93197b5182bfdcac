using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

public static class ApplicationsForChange
{
    /// <summary>
    /// Loads an application with its documents, expecting the version the user's page was built from.
    /// </summary>
    public static Task<MembershipApplication> LoadApplicationForChangeAsync(
        this PortalDbContext db,
        int applicationId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) =>
        db
            .MembershipApplications.Include(a => a.Documents)
            .SingleForChangeAsync(db, applicationId, expectedVersion, "Application.NotFound", cancellationToken);

    /// <summary>Moves the inquiry the application was opened from, if any, to the stage the application has reached:
    /// every use case that changes an application calls it, so the pipeline never says otherwise.</summary>
    public static async Task FollowInquiryAsync(
        this PortalDbContext db,
        MembershipApplication application,
        DateTime nowUtc,
        CancellationToken cancellationToken
    )
    {
        if (application.InquiryId is { } inquiryId)
        {
            var inquiry = await db.MembershipInquiries.SingleAsync(i => i.Id == inquiryId, cancellationToken);
            inquiry.FollowApplication(application, nowUtc);
        }
    }
}
