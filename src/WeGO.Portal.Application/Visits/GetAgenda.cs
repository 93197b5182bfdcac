using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>A visit's agenda for the agenda builder, with the items that overlap the one before or run past the visit's
/// end.</summary>
public static class GetAgenda
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Query(int VisitId) : IQuery<Agenda?>;

    public sealed record Agenda
    {
        public required int VisitId { get; init; }

        public required int Version { get; init; }

        public required string Organization { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required DateTime EndsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required VisitStatus Status { get; init; }

        public required IReadOnlyList<Item> Items { get; init; }
    }

    public sealed record Item
    {
        public required int Id { get; init; }

        public required int Order { get; init; }

        public required TimeOnly? StartsAt { get; init; }

        public required TimeOnly? EndsAt { get; init; }

        public required string Title { get; init; }

        public required string? Speaker { get; init; }

        public required string? Notes { get; init; }

        public required bool OutOfTime { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Agenda?>
    {
        public async ValueTask<Agenda?> Handle(Query query, CancellationToken cancellationToken)
        {
            var visit = await db
                .Visits.AsNoTracking()
                .Include(v => v.Organization)
                .Include(v => v.Agenda)
                .SingleOrDefaultAsync(v => v.Id == query.VisitId, cancellationToken);
            if (visit is null)
            {
                return null;
            }

            var outOfTime = visit.AgendaItemsOutOfTime().Select(i => i.Id).ToHashSet();
            return new Agenda
            {
                VisitId = visit.Id,
                Version = visit.Version,
                Organization = visit.Organization.Name,
                StartsAtUtc = visit.StartsAtUtc,
                EndsAtUtc = visit.EndsAtUtc,
                TimeZoneId = visit.TimeZoneId,
                Status = visit.Status,
                Items =
                [
                    .. visit
                        .Agenda.OrderBy(i => i.Order)
                        .Select(i => new Item
                        {
                            Id = i.Id,
                            Order = i.Order,
                            StartsAt = i.StartsAt,
                            EndsAt = i.EndsAt,
                            Title = i.Title,
                            Speaker = i.Speaker,
                            Notes = i.Notes,
                            OutOfTime = outOfTime.Contains(i.Id),
                        }),
                ],
            };
        }
    }
}
