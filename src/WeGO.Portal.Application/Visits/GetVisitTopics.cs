using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>A visit's topics of interest with their ids, and the visit's version, for the page that edits
/// them.</summary>
public static class GetVisitTopics
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Query(int VisitId) : IQuery<Result?>;

    public sealed record Result
    {
        public required int VisitId { get; init; }

        public required int Version { get; init; }

        public required string Organization { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required VisitStatus Status { get; init; }

        public required IReadOnlyList<Topic> Topics { get; init; }

        public bool CanAmend => Visit.CanAmendIn(Status);
    }

    public sealed record Topic(int Id, string Title);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken) =>
            await db
                .Visits.AsNoTracking()
                .Where(v => v.Id == query.VisitId)
                .Select(v => new Result
                {
                    VisitId = v.Id,
                    Version = v.Version,
                    Organization = v.Organization.Name,
                    StartsAtUtc = v.StartsAtUtc,
                    TimeZoneId = v.TimeZoneId,
                    Status = v.Status,
                    Topics = v.Topics.OrderBy(t => t.Id).Select(t => new Topic(t.Id, t.Title)).ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
    }
}
