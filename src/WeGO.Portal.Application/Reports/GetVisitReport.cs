using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Reports;

/// <summary>One report for its pages: the visit it is about, what it says, the review conversation, the kept
/// versions and the visit's follow-ups.</summary>
public static class GetVisitReport
{
    [AllowedTo(RoleGroup.ReadVisits)]
    public sealed record Query(int ReportId) : IQuery<Details?>;

    public sealed record Details
    {
        public required int Id { get; init; }

        public required int Version { get; init; }

        public required int VisitId { get; init; }

        public required string Organization { get; init; }

        public required string Venue { get; init; }

        public required DateTime StartsAtUtc { get; init; }

        public required string TimeZoneId { get; init; }

        public required VisitStatus VisitStatus { get; init; }

        public required ReviewState State { get; init; }

        public required string AuthorId { get; init; }

        public required string AuthorName { get; init; }

        public required DateTime UpdatedAtUtc { get; init; }

        public required DateTime? SubmittedAtUtc { get; init; }

        public required DateTime? ApprovedAtUtc { get; init; }

        public required string? ApprovedBy { get; init; }

        public required ReportContent Content { get; init; }

        public IReadOnlyList<CommentRow> Comments { get; init; } = [];

        public IReadOnlyList<VersionRow> Versions { get; init; } = [];

        public IReadOnlyList<FollowUpRow> FollowUps { get; init; } = [];

        public bool CanEdit => VisitReport.CanEditIn(State);

        public bool CanReview => VisitReport.CanReviewIn(State);

        public bool CanComment => VisitReport.CanCommentIn(State);

        public bool CanRelease => VisitReport.CanReleaseIn(State);

        /// <summary>The comments that answer none, each with its replies below it.</summary>
        public IEnumerable<CommentRow> Threads =>
            Comments.Where(c => c.ReplyToId is null || Comments.All(p => p.Id != c.ReplyToId));

        public IEnumerable<CommentRow> RepliesTo(int commentId) => Comments.Where(c => c.ReplyToId == commentId);
    }

    public sealed record CommentRow(int Id, int? ReplyToId, string AuthorName, string Text, DateTime WrittenAtUtc);

    public sealed record VersionRow(int Number, ReviewState State, DateTime SavedAtUtc, string SavedBy);

    public sealed record FollowUpRow(
        int Id,
        string Description,
        string OwnerName,
        DateOnly DueOn,
        FollowUpStatus Status
    );

    public sealed class Handler(PortalDbContext db) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            var details = await (
                from r in db.VisitReports.AsNoTracking()
                join v in db.Visits on r.VisitId equals v.Id
                where r.Id == query.ReportId
                select new Details
                {
                    Id = r.Id,
                    Version = r.Version,
                    VisitId = v.Id,
                    Organization = v.Organization.Name,
                    Venue = v.Venue,
                    StartsAtUtc = v.StartsAtUtc,
                    TimeZoneId = v.TimeZoneId,
                    VisitStatus = v.Status,
                    State = r.State,
                    AuthorId = r.AuthorId,
                    AuthorName = r.AuthorName,
                    UpdatedAtUtc = r.UpdatedAtUtc,
                    SubmittedAtUtc = r.SubmittedAtUtc,
                    ApprovedAtUtc = r.ApprovedAtUtc,
                    ApprovedBy = r.ApprovedBy,
                    Content = new ReportContent(
                        r.Summary,
                        r.Participants,
                        r.DelegationPresentation,
                        r.SecretariatPresentation,
                        r.TopicsRaised,
                        r.Outcomes,
                        r.AttachmentLinks
                    ),
                }
            ).SingleOrDefaultAsync(cancellationToken);
            if (details is null)
            {
                return null;
            }

            var comments = await db
                .VisitReports.AsNoTracking()
                .Where(r => r.Id == query.ReportId)
                .SelectMany(r => r.Comments)
                .OrderBy(c => c.WrittenAtUtc)
                .ThenBy(c => c.Id)
                .Select(c => new CommentRow(c.Id, c.ReplyToId, c.AuthorName, c.Text, c.WrittenAtUtc))
                .ToListAsync(cancellationToken);
            var versions = await db
                .VisitReports.AsNoTracking()
                .Where(r => r.Id == query.ReportId)
                .SelectMany(r => r.Versions)
                .OrderByDescending(v => v.Number)
                .Select(v => new VersionRow(v.Number, v.State, v.SavedAtUtc, v.SavedBy))
                .ToListAsync(cancellationToken);
            var followUps = await db
                .FollowUps.AsNoTracking()
                .Where(f => f.VisitId == details.VisitId)
                .OrderBy(f => f.DueOn)
                .ThenBy(f => f.Id)
                .Select(f => new FollowUpRow(f.Id, f.Description, f.OwnerName, f.DueOn, f.Status))
                .ToListAsync(cancellationToken);
            return details with { Comments = comments, Versions = versions, FollowUps = followUps };
        }
    }
}
