using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

public enum VisitSort
{
    Newest = 0,
    Oldest = 1,
    City = 2,
    Status = 3,

    /// <summary>Best match first: the default when there is text to search.</summary>
    Relevance = 4,
}

/// <summary>The visits list: filtered, sorted and paged in the database, so it stays fast with 100,000
/// visits.</summary>
public static class ListVisits
{
    /// <summary>Which visits: shared by the list and its CSV export. Dates are days in the viewer's time zone, the days
    /// the list shows each visit on.</summary>
    public sealed record Filter
    {
        public VisitStatus? Status { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public Region? Region { get; init; }

        public string? Text { get; init; }

        /// <summary>The sort chosen; none means best match first with text, newest first without.</summary>
        public VisitSort? Sort { get; init; }

        public VisitSort EffectiveSort =>
            Sort ?? (string.IsNullOrWhiteSpace(Text) ? VisitSort.Newest : VisitSort.Relevance);

        /// <summary>Whether the text is the only condition, so the text index alone can count the visits.</summary>
        public bool HasOnlyText => Status is null && From is null && To is null && Region is null;

        /// <summary>Every visit, newest first: the list as it opens, the same for every viewer.</summary>
        public bool IsUnfiltered => HasOnlyText && string.IsNullOrWhiteSpace(Text) && EffectiveSort == VisitSort.Newest;

        /// <summary>The visits this filter keeps, sorted, not yet paged; best match is newest first here, ranked by
        /// the list's handler (<see cref="Ranked"/>). <paramref name="manyMatches"/> says the text matches more than
        /// <see cref="TextSearch.RankedLimit"/> visits: they are then found by walking the visits in the order shown
        /// (ranking so common a word would read them all).</summary>
        public IQueryable<Visit> Apply(PortalDbContext db, string timeZoneId, bool manyMatches = false)
        {
            var visits = (
                TextSearch.UsesIndex(Text) ? TextSearch.MatchingVisits(db, Text!, manyMatches) : db.Visits
            ).AsNoTracking();
            if (Status is { } status)
            {
                visits = visits.Where(v => v.Status == status);
            }

            if (From is { } from)
            {
                var start = LocalDays.StartUtc(from, timeZoneId);
                visits = visits.Where(v => v.StartsAtUtc >= start);
            }

            if (To is { } to)
            {
                var end = LocalDays.EndUtc(to, timeZoneId);
                visits = visits.Where(v => v.StartsAtUtc < end);
            }

            if (Region is { } region)
            {
                visits = visits.Where(v => v.Organization.Region == region);
            }

            var sort = EffectiveSort;
            if (!TextSearch.UsesIndex(Text) && !string.IsNullOrWhiteSpace(Text))
            {
                var pattern = Like.Containing(Text);
                // Matching names in subqueries rather than through the joins lets SQLite test each table once
                // instead of joining every visit first (measured in docs/performance.md).
                var organizations = db
                    .Organizations.Where(o => EF.Functions.Like(o.Name, pattern, Like.Escape))
                    .Select(o => o.Id);
                var heads = db.Set<Delegation>()
                    .Where(d => EF.Functions.Like(d.HeadOfDelegation!, pattern, Like.Escape))
                    .Select(d => d.VisitId);
                visits = visits.Where(v =>
                    organizations.Contains(v.OrganizationId)
                    || EF.Functions.Like(v.Venue, pattern, Like.Escape)
                    || heads.Contains(v.Id)
                );
            }

            return sort switch
            {
                VisitSort.Oldest => visits.OrderBy(v => v.StartsAtUtc).ThenBy(v => v.Id),
                VisitSort.City => visits.OrderBy(v => v.Organization.Name).ThenByDescending(v => v.StartsAtUtc),
                VisitSort.Status => visits.OrderBy(v => v.Status).ThenByDescending(v => v.StartsAtUtc),
                _ => visits.OrderByDescending(v => v.StartsAtUtc).ThenByDescending(v => v.Id),
            };
        }

        /// <summary>The ids of the <paramref name="filtered"/> visits the text matches, best match first, then
        /// newest.</summary>
        public IQueryable<int> Ranked(PortalDbContext db, IQueryable<Visit> filtered) =>
            filtered
                .Join(
                    TextSearch.Visits(db, Text!),
                    v => v.Id,
                    h => h.Id,
                    (v, h) =>
                        new
                        {
                            v.Id,
                            h.Rank,
                            v.StartsAtUtc,
                        }
                )
                .OrderBy(x => x.Rank)
                .ThenByDescending(x => x.StartsAtUtc)
                .ThenByDescending(x => x.Id)
                .Select(x => x.Id);
    }

    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(Filter Filter, int Page = 1, int PageSize = 25) : IQuery<Result>;

    public sealed record Row
    {
        public required int Id { get; init; }

        public required string Organization { get; init; }

        public required string CountryCode { get; init; }

        public required Region Region { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required DateTime EndsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required VisitStatus Status { get; init; }

        public required int Headcount { get; init; }

        public required string? HeadOfDelegation { get; init; }

        public required IReadOnlyList<string> Hosts { get; init; }
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int TotalCount, int Page, int PageSize)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public const int MaxPageSize = 200;

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer, ReadCache cache)
        : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
            var filter = query.Filter;
            var manyMatches =
                TextSearch.UsesIndex(filter.Text)
                && await TextSearch.CountVisitsUpToAsync(db, filter.Text!, TextSearch.RankedLimit, cancellationToken)
                    > TextSearch.RankedLimit;
            var filtered = filter.Apply(db, viewer.TimeZoneId, manyMatches);
            // Every visit has its row in the text index, so with text alone the index counts them without the table;
            // the unfiltered list's total is kept until a visit changes.
            var total =
                !filter.HasOnlyText ? await filtered.CountAsync(cancellationToken)
                : TextSearch.UsesIndex(filter.Text)
                    ? await TextSearch.CountVisitsAsync(db, filter.Text!, manyMatches, cancellationToken)
                : string.IsNullOrWhiteSpace(filter.Text)
                    ? await cache.GetOrReadAsync(
                        "visits:count",
                        [ChangedData.TagOf<Visit>()],
                        async ct => await db.Visits.CountAsync(ct),
                        cancellationToken
                    )
                : await filtered.CountAsync(cancellationToken);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
            var rows =
                filter.EffectiveSort == VisitSort.Relevance && TextSearch.UsesIndex(filter.Text) && !manyMatches
                    ? await RankedPageAsync(filter.Ranked(db, filtered), page, pageSize, cancellationToken)
                // The list as it opens is what staff see most, and the same for everyone: its first pages are kept
                // until a visit or an organisation changes (what a row shows: the visit, its delegation and hosts, its
                // organisation's name and region).
                : filter.IsUnfiltered && page <= ReadCache.FirstPagesKept
                    ? await cache.GetOrReadListAsync(
                        $"visits:page:{page}:{pageSize}",
                        [ChangedData.TagOf<Visit>(), ChangedData.TagOf<Organization>()],
                        ct => PageAsync(filtered, page, pageSize, ct),
                        cancellationToken
                    )
                : await PageAsync(filtered, page, pageSize, cancellationToken);
            return new Result(rows, total, page, pageSize);
        }

        private static Task<List<Row>> PageAsync(
            IQueryable<Visit> filtered,
            int page,
            int pageSize,
            CancellationToken cancellationToken
        ) => Project(filtered.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);

        /// <summary>The page's ids in order of relevance first, then their rows: a row's hosts cannot be read through
        /// a join to the keyless hits of raw SQL.</summary>
        private async Task<List<Row>> RankedPageAsync(
            IQueryable<int> ranked,
            int page,
            int pageSize,
            CancellationToken cancellationToken
        )
        {
            var ids = await ranked.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            var rows = await Project(db.Visits.AsNoTracking().Where(v => ids.Contains(v.Id)))
                .ToDictionaryAsync(r => r.Id, cancellationToken);
            return [.. ids.Select(id => rows[id])];
        }
    }

    /// <summary>The row every visits listing shows, written once for the list, the export and the calendar.</summary>
    public static IQueryable<Row> Project(IQueryable<Visit> visits) =>
        visits.Select(v => new Row
        {
            Id = v.Id,
            Organization = v.Organization.Name,
            CountryCode = v.Organization.CountryCode,
            Region = v.Organization.Region,
            StartsAtUtc = v.StartsAtUtc,
            EndsAtUtc = v.EndsAtUtc,
            TimeZoneId = v.TimeZoneId,
            Status = v.Status,
            Headcount = Delegation.HeadcountOf(v.Delegation.Members.Count, v.Delegation.ExpectedHeadcount),
            HeadOfDelegation = v.Delegation.HeadOfDelegation,
            Hosts = v.Hosts.OrderBy(h => h.Order).Select(h => h.Name).ToList(),
        });
}
