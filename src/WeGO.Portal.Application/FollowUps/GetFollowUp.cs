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

    public sealed record Details(
        int Id,
        int Version,
        string Description,
        string OwnerName,
        DateOnly DueOn,
        FollowUpStatus Status,
        bool IsOverdue,
        DateTime? ClosedAtUtc,
        string? ClosedBy,
        int? VisitId,
        string? City,
        DateTime? VisitStartsAtUtc,
        string? VisitTimeZoneId
    );

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
                select new Details(
                    f.Id,
                    f.Version,
                    f.Description,
                    f.OwnerName,
                    f.DueOn,
                    f.Status,
                    f.Status == FollowUpStatus.Open && f.DueOn < today,
                    f.ClosedAtUtc,
                    f.ClosedBy,
                    f.VisitId,
                    v == null ? null : v.Organization.Name,
                    v == null ? null : v.StartsAtUtc,
                    v == null ? null : v.TimeZoneId
                )
            ).SingleOrDefaultAsync(cancellationToken);
        }
    }
}
