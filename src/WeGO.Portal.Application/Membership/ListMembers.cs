using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Membership;

/// <summary>WeGO's member registry for staff: filtered by category, status, region or name, with the counts by
/// category and by region of the members the other filters keep.</summary>
public static class ListMembers
{
    public const int PageSize = 100;

    public sealed record Filter
    {
        public MembershipCategory? Category { get; init; }

        public MemberStatus? Status { get; init; }

        public Region? Region { get; init; }

        public string? Text { get; init; }

        /// <summary>The registry lines this filter keeps, with their organisation, by name.</summary>
        public IQueryable<Row> Apply(PortalDbContext db)
        {
            var members = db.Members.AsNoTracking();
            if (Category is { } category)
            {
                members = members.Where(m => m.Category == category);
            }

            if (Status is { } status)
            {
                members = members.Where(m => m.Status == status);
            }

            var joined = members.Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o });
            if (Region is { } region)
            {
                joined = joined.Where(x => x.o.Region == region);
            }

            if (TextSearch.UsesIndex(Text))
            {
                var ids = TextSearch.Organizations(db, Text!).Select(h => h.Id);
                joined = joined.Where(x => ids.Contains(x.o.Id));
            }
            else if (!string.IsNullOrWhiteSpace(Text))
            {
                var pattern = Like.Containing(Text);
                joined = joined.Where(x => EF.Functions.Like(x.o.Name, pattern, Like.Escape));
            }

            var rows = joined.Select(x => new Row
            {
                Id = x.m.Id,
                OrganizationName = x.o.Name,
                LocalName = x.o.LocalName,
                CountryCode = x.o.CountryCode,
                Region = x.o.Region,
                Category = x.m.Category,
                Status = x.m.Status,
                MemberSince = x.m.MemberSince,
            });
            return rows.OrderBy(r => r.OrganizationName).ThenBy(r => r.Id);
        }
    }

    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(Filter Filter) : IQuery<Result>;

    public sealed record Row
    {
        public required int Id { get; init; }

        public required string OrganizationName { get; init; }

        public required string? LocalName { get; init; }

        public required string CountryCode { get; init; }

        public required Region Region { get; init; }

        public required MembershipCategory Category { get; init; }

        public required MemberStatus Status { get; init; }

        public required DateOnly MemberSince { get; init; }
    }

    public sealed record Result(
        IReadOnlyList<Row> Rows,
        int Total,
        IReadOnlyDictionary<MembershipCategory, int> ByCategory,
        IReadOnlyDictionary<Region, int> ByRegion
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = query.Filter.Apply(db);
            var byCategory = await (query.Filter with { Category = null })
                .Apply(db)
                .GroupBy(r => r.Category)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var byRegion = await (query.Filter with { Region = null })
                .Apply(db)
                .GroupBy(r => r.Region)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            return new Result(
                await rows.Take(PageSize).ToListAsync(cancellationToken),
                await rows.CountAsync(cancellationToken),
                byCategory,
                byRegion
            );
        }
    }
}
