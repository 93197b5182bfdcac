using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

public static class InquiriesForChange
{
    /// <summary>Loads an inquiry with its notes, expecting the version the user's page was built from: if someone saved
    /// the inquiry since, the unit of work's save fails with a concurrency conflict instead of overwriting
    /// it.</summary>
    public static Task<MembershipInquiry> LoadInquiryForChangeAsync(
        this PortalDbContext db,
        int inquiryId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) =>
        db
            .MembershipInquiries.Include(i => i.Notes)
            .SingleForChangeAsync(db, inquiryId, expectedVersion, "Inquiry.NotFound", cancellationToken);
}
