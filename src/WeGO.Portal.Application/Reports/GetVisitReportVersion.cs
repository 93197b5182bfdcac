using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>A report as it stood at one kept version (a submission or the approval).</summary>
public static class GetVisitReportVersion
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int ReportId, int Number) : IQuery<Result?>;

    public sealed record Result(
        int ReportId,
        string Organization,
        DateTime StartsAtUtc,
        string TimeZoneId,
        int Number,
        ReviewState State,
        DateTime SavedAtUtc,
        string SavedBy,
        ReportContent Content
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken) =>
            await (
                from r in db.VisitReports.AsNoTracking()
                join v in db.Visits on r.VisitId equals v.Id
                from kept in r.Versions
                where r.Id == query.ReportId && kept.Number == query.Number
                select new Result(
                    r.Id,
                    v.Organization.Name,
                    v.StartsAtUtc,
                    v.TimeZoneId,
                    kept.Number,
                    kept.State,
                    kept.SavedAtUtc,
                    kept.SavedBy,
                    new ReportContent(
                        kept.Summary,
                        kept.Participants,
                        kept.DelegationPresentation,
                        kept.SecretariatPresentation,
                        kept.TopicsRaised,
                        kept.Outcomes,
                        kept.AttachmentLinks
                    )
                )
            ).SingleOrDefaultAsync(cancellationToken);
    }
}
