using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>The directors' review queue: submitted reports, the one waiting longest first.</summary>
public static class ListReportsAwaitingReview
{
    [AllowedTo(RoleGroup.ReviewReports)]
    public sealed record Query : IQuery<IReadOnlyList<QueueRow>>;

    public sealed record QueueRow
    {
        public required int Id { get; init; }

        public required int VisitId { get; init; }

        public required string Organization { get; init; }

        public required string CountryCode { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required string AuthorName { get; init; }

        public required DateTime SubmittedAtUtc { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, IReadOnlyList<QueueRow>>
    {
        public async ValueTask<IReadOnlyList<QueueRow>> Handle(Query query, CancellationToken cancellationToken) =>
            await (
                from r in db.VisitReports.AsNoTracking()
                join v in db.Visits on r.VisitId equals v.Id
                where r.State == ReviewState.Submitted
                orderby r.SubmittedAtUtc, r.Id
                select new QueueRow
                {
                    Id = r.Id,
                    VisitId = v.Id,
                    Organization = v.Organization.Name,
                    CountryCode = v.Organization.CountryCode,
                    StartsAtUtc = v.StartsAtUtc,
                    TimeZoneId = v.TimeZoneId,
                    AuthorName = r.AuthorName,
                    SubmittedAtUtc = r.SubmittedAtUtc!.Value,
                }
            ).ToListAsync(cancellationToken);
    }
}
