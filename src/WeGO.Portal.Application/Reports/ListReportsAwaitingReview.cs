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

    public sealed record QueueRow(
        int Id,
        int VisitId,
        string Organization,
        string CountryCode,
        DateTime StartsAtUtc,
        string TimeZoneId,
        string AuthorName,
        DateTime SubmittedAtUtc
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, IReadOnlyList<QueueRow>>
    {
        public async ValueTask<IReadOnlyList<QueueRow>> Handle(Query query, CancellationToken cancellationToken) =>
            await (
                from r in db.VisitReports.AsNoTracking()
                join v in db.Visits on r.VisitId equals v.Id
                where r.State == ReviewState.Submitted
                orderby r.SubmittedAtUtc, r.Id
                select new QueueRow(
                    r.Id,
                    v.Id,
                    v.Organization.Name,
                    v.Organization.CountryCode,
                    v.StartsAtUtc,
                    v.TimeZoneId,
                    r.AuthorName,
                    r.SubmittedAtUtc!.Value
                )
            ).ToListAsync(cancellationToken);
    }
}
