using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>A follow-up as staff see it, in their list and on the page that closes or reopens it: its state (overdue
/// counted in the viewer's day) and the visit it came from, if any.</summary>
public sealed record FollowUpView
{
    public required int Id { get; init; }

    public required int Version { get; init; }

    public required string Description { get; init; }

    public required string OwnerName { get; init; }

    public required DateOnly DueOn { get; init; }

    public required FollowUpStatus Status { get; init; }

    public required bool IsOverdue { get; init; }

    public required DateTime? ClosedAtUtc { get; init; }

    public required string? ClosedBy { get; init; }

    public required int? VisitId { get; init; }

    public required string? City { get; init; }

    public required DateTime? VisitStartsAtUtc { get; init; }

    public required string? VisitTimeZoneId { get; init; }

    /// <summary>
    /// The follow-ups as views, each joined to its visit; <paramref name="today"/> is the viewer's day.
    /// </summary>
    public static IQueryable<FollowUpView> Of(IQueryable<FollowUp> followUps, PortalDbContext db, DateOnly today) =>
        from f in followUps
        join v in db.Visits on f.VisitId equals (int?)v.Id into visits
        from v in visits.DefaultIfEmpty()
        select new FollowUpView
        {
            Id = f.Id,
            Version = f.Version,
            Description = f.Description,
            OwnerName = f.OwnerName,
            DueOn = f.DueOn,
            Status = f.Status,
            IsOverdue = f.Status == FollowUpStatus.Open && f.DueOn < today,
            ClosedAtUtc = f.ClosedAtUtc,
            ClosedBy = f.ClosedBy,
            VisitId = f.VisitId,
            City = v == null ? null : v.Organization.Name,
            VisitStartsAtUtc = v == null ? null : v.StartsAtUtc,
            VisitTimeZoneId = v == null ? null : v.TimeZoneId,
        };
}
