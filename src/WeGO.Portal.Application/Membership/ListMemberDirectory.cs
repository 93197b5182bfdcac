using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Membership;

/// <summary>The public member directory: active members only, and only what is meant to be public (the organisation's
/// name, country, region, category and the year it joined), with how many there are in each region, a page of
/// <see cref="PageSize"/> at a time: a network of thousands of members is not one page to send to every visitor.
/// </summary>
public static class ListMemberDirectory
{
    public const int PageSize = 100;

    /// <param name="Page">From 1; past the last page, the last page.</param>
    [Public]
    public sealed record Query(
        string? Text = null,
        Region? Region = null,
        MembershipCategory? Category = null,
        int Page = 1
    ) : IQuery<Result>;

    public sealed record Entry(
        string Name,
        string? LocalName,
        string CountryCode,
        Region Region,
        MembershipCategory Category,
        int Since
    );

    /// <param name="Total">Active members matching the text and category, in every region.</param>
    /// <param name="Matching">Of those, the ones in the region asked for (all of them without one).</param>
    public sealed record Result(
        IReadOnlyList<Entry> Entries,
        IReadOnlyDictionary<Region, int> ByRegion,
        int Total,
        int Matching,
        int Page,
        int PageCount
    );

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
            var total = byRegion.Values.Sum();
            var matching = query.Region is { } region ? byRegion.GetValueOrDefault(region) : total;
            var pageCount = Math.Max(1, (matching + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var entries = await (filter with { Region = query.Region })
                .Apply(db)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(r => new Entry(
                    r.OrganizationName,
                    r.LocalName,
                    r.CountryCode,
                    r.Region,
                    r.Category,
                    r.MemberSince.Year
                ))
                .ToListAsync(cancellationToken);
            return new Result(entries, byRegion, total, matching, page, pageCount);
        }
    }
}
