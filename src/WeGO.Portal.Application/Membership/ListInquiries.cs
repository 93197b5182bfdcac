using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Membership;

public enum InquirySort
{
    Newest = 0,
    Oldest = 1,
    Organization = 2,
    Stage = 3,
    StageChanged = 4,

    /// <summary>Best match first: the default when there is text to search.</summary>
    Relevance = 5,
}

/// <summary>The membership pipeline: inquiries filtered, sorted and paged in the database, with how many are at
/// each stage (one GROUP BY), so the Secretariat sees the whole funnel at a glance. Text that matches more than
/// <see cref="TextSearch.RankedLimit"/> inquiries is not counted per stage: that would read every match (in SQLite
/// 20-26 ms of SQL at 50,000 matches however the count is written, docs/decisions/0041); the total stays
/// exact.</summary>
public static class ListInquiries
{
    /// <summary>Which inquiries: shared by the list and its CSV export. Dates are days in the viewer's time zone,
    /// the days the list shows.</summary>
    public sealed record Filter
    {
        public InquiryStage? Stage { get; init; }

        public Region? Region { get; init; }

        public OrganizationKind? Kind { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        /// <summary>Organisation, contact, email or reference (the Secretariat's notification links to
        /// <c>?q=reference</c>).</summary>
        public string? Text { get; init; }

        /// <summary>The sort chosen; none means best match first with text, newest first without.</summary>
        public InquirySort? Sort { get; init; }

        public InquirySort EffectiveSort =>
            Sort ?? (string.IsNullOrWhiteSpace(Text) ? InquirySort.Newest : InquirySort.Relevance);

        /// <summary>The pipeline as it opens or at one stage, newest first: the same for every reader.</summary>
        public bool IsStageView =>
            this is { Region: null, Kind: null, From: null, To: null }
            && string.IsNullOrWhiteSpace(Text)
            && EffectiveSort == InquirySort.Newest;

        /// <summary>The inquiries every filter but the stage keeps: what the stage counts are computed over.
        /// <paramref name="manyMatches"/>: see <see cref="Apply"/>.</summary>
        public IQueryable<MembershipInquiry> ApplyAllButStage(
            PortalDbContext db,
            string timeZoneId,
            bool manyMatches = false
        )
        {
            var inquiries = (
                TextSearch.UsesIndex(Text)
                    ? TextSearch.MatchingInquiries(db, Text!, manyMatches)
                    : db.MembershipInquiries
            ).AsNoTracking();
            if (Region is { } region)
            {
                string[] codes = [.. Countries.CodesIn(region)];
                inquiries = inquiries.Where(i => codes.Contains(i.CountryCode));
            }

            if (Kind is { } kind)
            {
                inquiries = inquiries.Where(i => i.Kind == kind);
            }

            if (From is { } from)
            {
                var start = LocalDays.StartUtc(from, timeZoneId);
                inquiries = inquiries.Where(i => i.SubmittedAtUtc >= start);
            }

            if (To is { } to)
            {
                var end = LocalDays.EndUtc(to, timeZoneId);
                inquiries = inquiries.Where(i => i.SubmittedAtUtc < end);
            }

            if (!TextSearch.UsesIndex(Text) && !string.IsNullOrWhiteSpace(Text))
            {
                var pattern = Like.Containing(Text);
                inquiries = inquiries.Where(i =>
                    EF.Functions.Like(i.OrganizationName, pattern, Like.Escape)
                    || EF.Functions.Like(i.ContactName, pattern, Like.Escape)
                    || EF.Functions.Like(i.Email, pattern, Like.Escape)
                    || EF.Functions.Like(i.Reference, pattern, Like.Escape)
                );
            }

            return inquiries;
        }

        /// <summary>The inquiries this filter keeps, sorted, not yet paged. <paramref name="manyMatches"/> says the
        /// text matches more than <see cref="TextSearch.RankedLimit"/> inquiries: best match is then newest first, as
        /// ranking so common a word would read every match.</summary>
        public IQueryable<MembershipInquiry> Apply(PortalDbContext db, string timeZoneId, bool manyMatches = false)
        {
            var inquiries = ApplyAllButStage(db, timeZoneId, manyMatches);
            if (Stage is { } stage)
            {
                inquiries = inquiries.Where(i => i.Stage == stage);
            }

            var sort = EffectiveSort;
            if (sort == InquirySort.Relevance && !manyMatches && TextSearch.UsesIndex(Text))
            {
                return inquiries
                    .Join(TextSearch.Inquiries(db, Text!), i => i.Id, h => h.Id, (i, h) => new { i, h.Rank })
                    .OrderBy(x => x.Rank)
                    .ThenByDescending(x => x.i.SubmittedAtUtc)
                    .ThenByDescending(x => x.i.Id)
                    .Select(x => x.i);
            }

            return sort switch
            {
                InquirySort.Oldest => inquiries.OrderBy(i => i.SubmittedAtUtc).ThenBy(i => i.Id),
                InquirySort.Organization => inquiries
                    .OrderBy(i => i.OrganizationName)
                    .ThenByDescending(i => i.SubmittedAtUtc),
                InquirySort.Stage => inquiries.OrderBy(i => i.Stage).ThenByDescending(i => i.SubmittedAtUtc),
                InquirySort.StageChanged => inquiries.OrderBy(i => i.StageChangedAtUtc).ThenBy(i => i.Id),
                _ => inquiries.OrderByDescending(i => i.SubmittedAtUtc).ThenByDescending(i => i.Id),
            };
        }
    }

    [AllowedTo(RoleGroup.ReadInquiries)]
    public sealed record Query(Filter Filter, int Page = 1, int PageSize = 25) : IQuery<Result>;

    public sealed record Row
    {
        public required int Id { get; init; }

        public required string Reference { get; init; }

        public required string OrganizationName { get; init; }

        public required string CountryCode { get; init; }

        public required OrganizationKind Kind { get; init; }

        public required int? Population { get; init; }

        public required string ContactName { get; init; }

        public required string? ContactPosition { get; init; }

        public required string Email { get; init; }

        public required string? Phone { get; init; }

        public required string PreferredLanguage { get; init; }

        public required MembershipInterest Interests { get; init; }

        public required InquiryStage Stage { get; init; }

        public required DateTime SubmittedAtUtc { get; init; }

        public required DateTime StageChangedAtUtc { get; init; }

        public required int? OrganizationId { get; init; }

        public required string? RegionalOffice { get; init; }

        public required string? Owner { get; init; }

        public required bool Anonymized { get; init; }

        public Region Region => Countries.SuggestRegion(CountryCode);
    }

    public sealed record Result(
        IReadOnlyList<Row> Rows,
        int TotalCount,
        int Page,
        int PageSize,
        IReadOnlyDictionary<InquiryStage, int> CountsByStage
    )
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

        /// <summary>Whether the inquiries were counted per stage: not when the text matches more than
        /// <see cref="TextSearch.RankedLimit"/> of them (<see cref="CountsByStage"/> is then empty).</summary>
        public bool StagesCounted => CountsByStage.Count > 0;

        /// <summary>All inquiries the other filters keep, whatever their stage.</summary>
        public int CountAllStages => CountsByStage.Values.Sum();
    }

    public const int MaxPageSize = 200;

    /// <summary>What a row shows: the inquiry, its regional office's name and its owner's name.</summary>
    private static readonly string[] KeptPagesDependOn =
    [
        ChangedData.TagOf<MembershipInquiry>(),
        ChangedData.TagOf(typeof(RegionalOffice)),
        ChangedData.TagOf(typeof(StaffUser)),
    ];

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer, ReadCache cache)
        : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
            var filter = query.Filter;
            var manyMatches =
                TextSearch.UsesIndex(filter.Text)
                && await TextSearch.CountInquiriesUpToAsync(db, filter.Text!, TextSearch.RankedLimit, cancellationToken)
                    > TextSearch.RankedLimit;
            // The unfiltered pipeline's counts (every inquiry, 6 ms at 100,000) are kept until an inquiry changes.
            IReadOnlyDictionary<InquiryStage, int> counts =
                filter is { Region: null, Kind: null, From: null, To: null } && string.IsNullOrWhiteSpace(filter.Text)
                    ? await cache.GetOrReadAsync(
                        "inquiries:counts-by-stage",
                        [ChangedData.TagOf<MembershipInquiry>()],
                        ct => CountByStageAsync(filter.ApplyAllButStage(db, viewer.TimeZoneId), ct),
                        cancellationToken
                    )
                : manyMatches ? new Dictionary<InquiryStage, int>()
                : await CountByStageAsync(filter.ApplyAllButStage(db, viewer.TimeZoneId), cancellationToken);
            var total =
                counts.Count > 0 ? (filter.Stage is { } stage ? counts[stage] : counts.Values.Sum())
                // Text alone: its index counts the matches without the table.
                : filter is { Stage: null, Region: null, Kind: null, From: null, To: null }
                    ? await TextSearch.CountInquiriesAsync(db, filter.Text!, cancellationToken)
                : await filter.Apply(db, viewer.TimeZoneId, manyMatches).CountAsync(cancellationToken);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
            var paged = filter.Apply(db, viewer.TimeZoneId, manyMatches).Skip((page - 1) * pageSize).Take(pageSize);
            // The pipeline as it opens, and each stage's tab, are what staff see most and the same for everyone:
            // their first pages are kept until an inquiry, an office or a staff account (an owner's name) changes.
            var rows =
                filter.IsStageView && page <= ReadCache.FirstPagesKept
                    ? await cache.GetOrReadListAsync(
                        $"inquiries:page:{filter.Stage}:{page}:{pageSize}",
                        KeptPagesDependOn,
                        ct => Project(db, paged).ToListAsync(ct),
                        cancellationToken
                    )
                    : await Project(db, paged).ToListAsync(cancellationToken);
            return new Result(rows, total, page, pageSize, counts);
        }

        private static async ValueTask<Dictionary<InquiryStage, int>> CountByStageAsync(
            IQueryable<MembershipInquiry> inquiries,
            CancellationToken cancellationToken
        )
        {
            var counted = await inquiries
                .GroupBy(i => i.Stage)
                .Select(g => new { Stage = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return Enum.GetValues<InquiryStage>()
                .ToDictionary(s => s, s => counted.FirstOrDefault(c => c.Stage == s)?.Count ?? 0);
        }
    }

    /// <summary>The row the list and the export show.</summary>
    public static IQueryable<Row> Project(PortalDbContext db, IQueryable<MembershipInquiry> inquiries) =>
        inquiries.Select(i => new Row
        {
            Id = i.Id,
            Reference = i.Reference,
            OrganizationName = i.OrganizationName,
            CountryCode = i.CountryCode,
            Kind = i.Kind,
            Population = i.Population,
            ContactName = i.ContactName,
            ContactPosition = i.ContactPosition,
            Email = i.Email,
            Phone = i.Phone,
            PreferredLanguage = i.PreferredLanguage,
            Interests = i.Interests,
            Stage = i.Stage,
            SubmittedAtUtc = i.SubmittedAtUtc,
            StageChangedAtUtc = i.StageChangedAtUtc,
            OrganizationId = i.OrganizationId,
            RegionalOffice = db
                .RegionalOffices.Where(o => o.Id == i.RegionalOfficeId)
                .Select(o => o.Name)
                .FirstOrDefault(),
            Owner = db
                .Users.Where(u => u.Id == i.OwnerUserId)
                .Select(u => u.DisplayName != "" ? u.DisplayName : u.Email)
                .FirstOrDefault(),
            Anonymized = i.AnonymizedAtUtc != null,
        });
}
