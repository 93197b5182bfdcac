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

    public sealed record Agenda(
        int VisitId,
        int Version,
        string Organization,
        DateTime StartsAtUtc,
        DateTime EndsAtUtc,
        string TimeZoneId,
        VisitStatus Status,
        IReadOnlyList<Item> Items
    );

    public sealed record Item(
        int Id,
        int Order,
        TimeOnly? StartsAt,
        TimeOnly? EndsAt,
        string Title,
        string? Speaker,
        string? Notes,
        bool OutOfTime
    );

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
            return new Agenda(
                visit.Id,
                visit.Version,
                visit.Organization.Name,
                visit.StartsAtUtc,
                visit.EndsAtUtc,
                visit.TimeZoneId,
                visit.Status,
                [
                    .. visit
                        .Agenda.OrderBy(i => i.Order)
                        .Select(i => new Item(
                            i.Id,
                            i.Order,
                            i.StartsAt,
                            i.EndsAt,
                            i.Title,
                            i.Speaker,
                            i.Notes,
                            outOfTime.Contains(i.Id)
                        )),
                ]
            );
        }
    }
}
