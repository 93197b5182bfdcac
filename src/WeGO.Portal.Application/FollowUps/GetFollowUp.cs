using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>One follow-up with the visit it came from, for the page that closes or reopens it.</summary>
public static class GetFollowUp
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Query(int Id) : IQuery<Details?>;

    public sealed record Details
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
    }

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer, TimeProvider clock)
        : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = LocalDays.Today(clock, viewer.TimeZoneId);
            return await (
                from f in db.FollowUps.AsNoTracking()
                where f.Id == query.Id
                join v in db.Visits on f.VisitId equals (int?)v.Id into visits
                from v in visits.DefaultIfEmpty()
                select new Details
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
                }
            ).SingleOrDefaultAsync(cancellationToken);
        }
    }
}
