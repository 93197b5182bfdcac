using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Membership;

/// <summary>Visits an inquirer can say they took part in: confirmed or completed in the last three years,
/// shown by city and date only.</summary>
public static class ListVisitsForInquiry
{
    public const int YearsBack = 3;

    [Public]
    public sealed record Query : IQuery<IReadOnlyList<VisitChoice>>;

    public sealed record VisitChoice(int Id, string City, DateOnly Date);

    public sealed class Handler(PortalDbContext db, TimeProvider clock)
        : IQueryHandler<Query, IReadOnlyList<VisitChoice>>
    {
        public async ValueTask<IReadOnlyList<VisitChoice>> Handle(Query query, CancellationToken cancellationToken)
        {
            var since = clock.GetUtcNow().UtcDateTime.AddYears(-YearsBack);
            var visits = await db
                .Visits.AsNoTracking()
                .Where(v =>
                    (v.Status == VisitStatus.Confirmed || v.Status == VisitStatus.Completed) && v.StartsAtUtc >= since
                )
                .OrderByDescending(v => v.StartsAtUtc)
                .Take(300)
                .Select(v => new
                {
                    v.Id,
                    City = v.Organization.Name,
                    v.StartsAtUtc,
                    v.TimeZoneId,
                })
                .ToListAsync(cancellationToken);
            return visits
                .Select(v => new VisitChoice(
                    v.Id,
                    v.City,
                    DateOnly.FromDateTime(VenueTime.ToLocal(v.StartsAtUtc, v.TimeZoneId))
                ))
                .ToList();
        }
    }
}
