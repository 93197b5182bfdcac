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

    public sealed record Result
    {
        public required int ReportId { get; init; }

        public required string Organization { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required int Number { get; init; }

        public required ReviewState State { get; init; }

        public required DateTime SavedAtUtc { get; init; }

        public required string SavedBy { get; init; }

        public required ReportContent Content { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken) =>
            await (
                from r in db.VisitReports.AsNoTracking()
                join v in db.Visits on r.VisitId equals v.Id
                from kept in r.Versions
                where r.Id == query.ReportId && kept.Number == query.Number
                select new Result
                {
                    ReportId = r.Id,
                    Organization = v.Organization.Name,
                    StartsAtUtc = v.StartsAtUtc,
                    TimeZoneId = v.TimeZoneId,
                    Number = kept.Number,
                    State = kept.State,
                    SavedAtUtc = kept.SavedAtUtc,
                    SavedBy = kept.SavedBy,
                    Content = new ReportContent(
                        kept.Summary,
                        kept.Participants,
                        kept.DelegationPresentation,
                        kept.SecretariatPresentation,
                        kept.TopicsRaised,
                        kept.Outcomes,
                        kept.AttachmentLinks
                    ),
                }
            ).SingleOrDefaultAsync(cancellationToken);
    }
}
