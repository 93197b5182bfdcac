using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Another visit booked at the same time, in the same venue or with one of the same hosts.</summary>
public sealed record VisitConflict
{
    public required int VisitId { get; init; }

    public required string Organization { get; init; }

    public required DateTime StartsAtUtc { get; init; }

    public required DateTime EndsAtUtc { get; init; }

    public required string TimeZoneId { get; init; }

    public required bool SameVenue { get; init; }

    public required IReadOnlyList<string> SharedHosts { get; init; }
}

/// <summary>The hosts a visit is planned with: staff users by id, other people by name.</summary>
public sealed record PlannedHost(string Name, string? Title, string? StaffUserId);

public static class VisitConflicts
{
    public static async Task<IReadOnlyList<VisitConflict>> FindAsync(
        PortalDbContext db,
        DateTime startsAtUtc,
        DateTime endsAtUtc,
        string venue,
        IReadOnlyList<PlannedHost> hosts,
        int? exceptVisitId,
        CancellationToken cancellationToken
    )
    {
        var venuePattern = Like.Literal(venue.Trim());
        var staffIds = hosts.Where(h => h.StaffUserId is not null).Select(h => h.StaffUserId!).ToList();
        var names = hosts.Select(h => h.Name).ToList();

        var overlapping = await db
            .Visits.AsNoTracking()
            .Where(v =>
                v.Status != VisitStatus.Cancelled
                && v.Id != exceptVisitId
                && v.StartsAtUtc < endsAtUtc
                && v.EndsAtUtc > startsAtUtc
            )
            .Where(v =>
                EF.Functions.Like(v.Venue, venuePattern, Like.Escape)
                || v.Hosts.Any(h =>
                    (h.StaffUserId != null && staffIds.Contains(h.StaffUserId)) || names.Contains(h.Name)
                )
            )
            .OrderBy(v => v.StartsAtUtc)
            .Take(20)
            .Select(v => new
            {
                v.Id,
                Organization = v.Organization.Name,
                v.StartsAtUtc,
                v.EndsAtUtc,
                v.TimeZoneId,
                v.Venue,
                Hosts = v.Hosts.Select(h => new { h.Name, h.StaffUserId }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return overlapping
            .Select(v => new VisitConflict
            {
                VisitId = v.Id,
                Organization = v.Organization,
                StartsAtUtc = v.StartsAtUtc,
                EndsAtUtc = v.EndsAtUtc,
                TimeZoneId = v.TimeZoneId,
                SameVenue = string.Equals(v.Venue.Trim(), venue.Trim(), StringComparison.OrdinalIgnoreCase),
                SharedHosts = v
                    .Hosts.Where(h =>
                        (h.StaffUserId is not null && staffIds.Contains(h.StaffUserId))
                        || names.Contains(h.Name, StringComparer.OrdinalIgnoreCase)
                    )
                    .Select(h => h.Name)
                    .Distinct()
                    .ToList(),
            })
            .Where(c => c.SameVenue || c.SharedHosts.Count > 0)
            .ToList();
    }
}
