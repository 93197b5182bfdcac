using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>The visits on a calendar page (a month grid or a week): each on the day it starts in the viewer's time
/// zone, like the visits list and the calendar apps that subscribe to the feed, cancelled ones included so nobody books
/// a room they still see as taken.</summary>
public static class GetVisitCalendar
{
    /// <summary>Visits starting from <paramref name="From"/> to <paramref name="To"/>, both days included, as the
    /// viewer's days.</summary>
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(DateOnly From, DateOnly To) : IQuery<IReadOnlyList<Entry>>;

    /// <summary>A visit on its day, with its start and end on the viewer's clock.</summary>
    public sealed record Entry(DateOnly Day, TimeOnly StartsAt, TimeOnly EndsAt, ListVisits.Row Visit)
    {
        public bool IsCancelled => Visit.Status == VisitStatus.Cancelled;
    }

    /// <summary>Six weeks: the most a month grid shows.</summary>
    public const int MaxDays = 42;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From);
            RuleFor(q => q.To)
                .LessThan(q => q.From.AddDays(MaxDays))
                .When(q => q.From.DayNumber < DateOnly.MaxValue.DayNumber - MaxDays);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer) : IQueryHandler<Query, IReadOnlyList<Entry>>
    {
        public async ValueTask<IReadOnlyList<Entry>> Handle(Query query, CancellationToken cancellationToken)
        {
            var zone = viewer.TimeZoneId;
            var fromUtc = LocalDays.StartUtc(query.From, zone);
            var toUtc = LocalDays.EndUtc(query.To, zone);
            var visits = await ListVisits
                .Project(
                    db.Visits.AsNoTracking()
                        .Where(v => v.StartsAtUtc >= fromUtc && v.StartsAtUtc < toUtc)
                        .OrderBy(v => v.StartsAtUtc)
                        .ThenBy(v => v.Id)
                )
                .ToListAsync(cancellationToken);

            return visits
                .Select(row =>
                {
                    var start = VenueTime.ToLocal(row.StartsAtUtc, zone);
                    var end = VenueTime.ToLocal(row.EndsAtUtc, zone);
                    return new Entry(
                        DateOnly.FromDateTime(start),
                        TimeOnly.FromDateTime(start),
                        TimeOnly.FromDateTime(end),
                        row
                    );
                })
                .OrderBy(e => e.Day)
                .ThenBy(e => e.StartsAt)
                .ThenBy(e => e.Visit.Organization, StringComparer.CurrentCulture)
                .ToList();
        }
    }
}
