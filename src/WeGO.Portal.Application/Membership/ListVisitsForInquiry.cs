using System.ComponentModel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Membership;

/// <summary>Visits an inquirer can say they took part in: confirmed or completed in the last three years,
/// shown by city and date only. Read once for every visitor of the form until a visit or a city's name changes
/// (<see cref="ReadCache"/>); the three years' edge moves on when the entry expires.</summary>
public static class ListVisitsForInquiry
{
    public const int YearsBack = 3;

    private static readonly string[] Shows = [ChangedData.TagOf<Visit>(), ChangedData.TagOf<Organization>()];

    [Public]
    public sealed record Query : IQuery<Result>;

    public sealed record VisitChoice(int Id, string City, DateOnly Date);

    /// <summary>The same instance for every reader of the cache, so it must not change.</summary>
    [ImmutableObject(true)]
    public sealed record Result(IReadOnlyList<VisitChoice> Visits);

    public sealed class Handler(PortalDbContext db, TimeProvider clock, ReadCache cache) : IQueryHandler<Query, Result>
    {
        public ValueTask<Result> Handle(Query query, CancellationToken cancellationToken) =>
            cache.GetOrReadAsync(
                "visits-for-inquiry",
                Shows,
                async token => new Result(await ReadAsync(db, clock, token)),
                cancellationToken
            );
    }

    /// <summary>The read itself, without the cache (the bench's baseline page calls it directly).</summary>
    public static async Task<IReadOnlyList<VisitChoice>> ReadAsync(
        PortalDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
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
