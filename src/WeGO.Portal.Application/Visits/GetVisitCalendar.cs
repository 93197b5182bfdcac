using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>The visits on a calendar page (a month grid or a week): each on the day it starts at its venue,
/// cancelled ones included so nobody books a room they still see as taken.</summary>
public static class GetVisitCalendar
{
    /// <summary>Visits starting from <paramref name="From"/> to <paramref name="To"/>, both days included, as days at each venue.</summary>
    public sealed record Query(DateOnly From, DateOnly To) : IQuery<IReadOnlyList<Entry>>;

    /// <summary>A visit on its day, with its start and end on the venue's clock.</summary>
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
            RuleFor(q => q.To).LessThan(q => q.From.AddDays(MaxDays)).When(q => q.From.DayNumber < DateOnly.MaxValue.DayNumber - MaxDays);
        }
    }

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, IReadOnlyList<Entry>>
    {
        // Venues run from UTC-12 to UTC+14: a day anywhere lies within this margin of the same day in UTC.
        private static readonly TimeSpan EarliestOffset = TimeSpan.FromHours(14);
        private static readonly TimeSpan LatestOffset = TimeSpan.FromHours(12);

        public async ValueTask<IReadOnlyList<Entry>> Handle(Query query, CancellationToken cancellationToken)
        {
            var fromUtc = query.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - EarliestOffset;
            var toUtc = query.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + LatestOffset;
            var candidates = await ListVisits.Project(db.Visits.AsNoTracking()
                    .Where(v => v.StartsAtUtc >= fromUtc && v.StartsAtUtc < toUtc)
                    .OrderBy(v => v.StartsAtUtc).ThenBy(v => v.Id))
                .ToListAsync(cancellationToken);

            return candidates
                .Select(row =>
                {
                    var start = VenueTime.ToLocal(row.StartsAtUtc, row.TimeZoneId);
                    var end = VenueTime.ToLocal(row.EndsAtUtc, row.TimeZoneId);
                    return new Entry(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end), row);
                })
                .Where(e => e.Day >= query.From && e.Day <= query.To)
                .OrderBy(e => e.Day).ThenBy(e => e.StartsAt).ThenBy(e => e.Visit.Organization, StringComparer.CurrentCulture)
                .ToList();
        }
    }
}
