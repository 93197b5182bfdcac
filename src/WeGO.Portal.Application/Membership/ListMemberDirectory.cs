using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Membership;

/// <summary>The public member directory: active members only, and only what is meant to be public (the organisation's
/// name, country, region, category and the year it joined), with how many there are in each region.</summary>
public static class ListMemberDirectory
{
    [Public]
    public sealed record Query(string? Text = null, Region? Region = null, MembershipCategory? Category = null)
        : IQuery<Result>;

    public sealed record Entry(
        string Name,
        string? LocalName,
        string CountryCode,
        Region Region,
        MembershipCategory Category,
        int Since
    );

    public sealed record Result(IReadOnlyList<Entry> Entries, IReadOnlyDictionary<Region, int> ByRegion, int Total);

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var filter = new ListMembers.Filter
            {
                Status = MemberStatus.Active,
                Category = query.Category,
                Text = query.Text,
            };
            var byRegion = await filter
                .Apply(db)
                .GroupBy(r => r.Region)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var entries = await (filter with { Region = query.Region })
                .Apply(db)
                .Select(r => new Entry(
                    r.OrganizationName,
                    r.LocalName,
                    r.CountryCode,
                    r.Region,
                    r.Category,
                    r.MemberSince.Year
                ))
                .ToListAsync(cancellationToken);
            return new Result(entries, byRegion, byRegion.Values.Sum());
        }
    }
}
