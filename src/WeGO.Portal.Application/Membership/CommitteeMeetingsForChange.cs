using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

public static class CommitteeMeetingsForChange
{
    /// <summary>Loads a meeting with its agenda, expecting the version the user's page was built from.</summary>
    public static Task<CommitteeMeeting> LoadMeetingForChangeAsync(
        this PortalDbContext db,
        int meetingId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) =>
        db
            .CommitteeMeetings.Include(m => m.Items)
            .SingleForChangeAsync(db, meetingId, expectedVersion, "Committee.NotFound", cancellationToken);
}
