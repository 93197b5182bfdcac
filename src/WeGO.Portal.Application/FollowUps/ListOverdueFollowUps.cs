using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>Every open follow-up past its due date, the longest overdue first, paged in the database.</summary>
public static class ListOverdueFollowUps
{
    public const int MaxPageSize = 200;

    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int Page = 1, int PageSize = 25) : IQuery<Result>;

    public sealed record Row
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required string Description { get; init; }

        public required string OwnerName { get; init; }

        public required string? OwnerUserId { get; init; }

        public required DateOnly DueOn { get; init; }

        public required int? VisitId { get; init; }

        public required string? City { get; init; }

        public required DateTime? VisitStartsAtUtc { get; init; }

        public required string? VisitTimeZoneId { get; init; }

        public int DaysOverdue { get; init; }
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int TotalCount, int Page, int PageSize, DateOnly Today)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    private static readonly string[] DependsOn = [ChangedData.TagOf<FollowUp>()];

    public sealed class Handler(PortalDbContext db, ICurrentActor viewer, TimeProvider clock, ReadCache cache)
        : IQueryHandler<Query, Result>
    {
        /// <summary>One page of overdue rows. The list runs this in one shape on every request, so it is compiled
        /// once (docs/decisions/0047): building and looking up its tree each time was a tenth of the request.
        /// </summary>
        private static readonly CompiledQuery<Func<PortalDbContext, DateOnly, int, int, IAsyncEnumerable<Row>>> PageOf =
            new(() =>
                EF.CompileAsyncQuery(
                    (PortalDbContext db, DateOnly today, int skip, int take) =>
                        (
                            from f in db.FollowUps.AsNoTracking()
                            where f.Status == FollowUpStatus.Open && f.DueOn < today
                            join v in db.Visits on f.VisitId equals (int?)v.Id into visits
                            from v in visits.DefaultIfEmpty()
                            orderby f.DueOn, f.Id
                            select new Row
                            {
                                Id = f.Id,
                                Version = f.Version,
                                Description = f.Description,
                                OwnerName = f.OwnerName,
                                OwnerUserId = f.OwnerUserId,
                                DueOn = f.DueOn,
                                VisitId = f.VisitId,
                                City = v == null ? null : v.Organization.Name,
                                VisitStartsAtUtc = v == null ? null : v.StartsAtUtc,
                                VisitTimeZoneId = v == null ? null : v.TimeZoneId,
                            }
                        )
                            .Skip(skip)
                            .Take(take)
                )
            );

        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = LocalDays.Today(clock, viewer.TimeZoneId);
            var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
            var overdue = db.FollowUps.AsNoTracking().Where(f => f.Status == FollowUpStatus.Open && f.DueOn < today);
            // Counting every overdue row grows with the history; the count is kept until a follow-up changes or the
            // viewer's day (part of the key) is another.
            var total = await cache.GetOrReadAsync(
                $"overdue-follow-ups:{today.DayNumber}",
                DependsOn,
                async ct => await overdue.CountAsync(ct),
                cancellationToken
            );
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
            var rows = new List<Row>(pageSize);
            await foreach (
                var row in PageOf
                    .For(db)(db, today, (page - 1) * pageSize, pageSize)
                    .WithCancellation(cancellationToken)
            )
            {
                rows.Add(row with { DaysOverdue = today.DayNumber - row.DueOn.DayNumber });
            }

            return new Result(rows, total, page, pageSize, today);
        }
    }
}
