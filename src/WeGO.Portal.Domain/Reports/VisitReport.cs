using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Reports;

/// <summary>What happened at a completed visit, written by staff and approved by a program director.</summary>
public sealed class VisitReport : AggregateRoot
{
    private readonly List<ReviewComment> comments = [];

    private VisitReport()
    {
    }

    public VisitReport(int visitId, string authorId, string authorName, DateTime createdAtUtc)
    {
        VisitId = visitId;
        AuthorId = Require.Text(authorId, "Report.AuthorRequired", 450);
        AuthorName = Require.Text(authorName, "Report.AuthorRequired", 200);
        CreatedAtUtc = createdAtUtc;
        UpdatedAtUtc = createdAtUtc;
        State = ReviewState.Draft;
    }

    public int VisitId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    /// <summary>Markdown.</summary>
    public string Summary { get; private set; } = "";

    public string? Participants { get; private set; }

    public string? Presentations { get; private set; }

    public string? Outcomes { get; private set; }

    /// <summary>Links to attachments, one per line.</summary>
    public string? AttachmentLinks { get; private set; }

    public ReviewState State { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public string? ApprovedBy { get; private set; }

    public IReadOnlyList<ReviewComment> Comments => comments;

    public bool IsEditable => State is ReviewState.Draft or ReviewState.ChangesRequested;

    public void Write(string summary, string? participants, string? presentations, string? outcomes, string? attachmentLinks, DateTime nowUtc)
    {
        if (!IsEditable)
        {
            throw new DomainException("Report.NotEditable", State);
        }

        Summary = summary.Trim();
        Participants = Require.OptionalText(participants, 20000);
        Presentations = Require.OptionalText(presentations, 20000);
        Outcomes = Require.OptionalText(outcomes, 20000);
        AttachmentLinks = Require.OptionalText(attachmentLinks, 4000);
        UpdatedAtUtc = nowUtc;
    }

    public void Submit(DateTime nowUtc)
    {
        if (!IsEditable)
        {
            throw new DomainException("Report.CannotSubmit", State);
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            throw new DomainException("Report.SummaryRequired");
        }

        State = ReviewState.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    public void Approve(string directorName, DateTime nowUtc)
    {
        EnsureSubmitted();
        State = ReviewState.Approved;
        ApprovedBy = Require.Text(directorName, "Report.ReviewerRequired", 200);
        ApprovedAtUtc = nowUtc;
    }

    public ReviewComment RequestChanges(string directorName, string comment, DateTime nowUtc)
    {
        EnsureSubmitted();
        var added = Comment(directorName, comment, null, nowUtc);
        State = ReviewState.ChangesRequested;
        return added;
    }

    /// <summary>Adds to the review conversation; <paramref name="replyToId"/> threads a reply under an earlier comment.</summary>
    public ReviewComment Comment(string authorName, string text, int? replyToId, DateTime nowUtc)
    {
        if (replyToId is { } parent && comments.All(c => c.Id != parent))
        {
            throw new DomainException("Report.CommentNotFound");
        }

        var comment = new ReviewComment(authorName, text, replyToId, nowUtc);
        comments.Add(comment);
        return comment;
    }

    private void EnsureSubmitted()
    {
        if (State != ReviewState.Submitted)
        {
            throw new DomainException("Report.NotAwaitingReview", State);
        }
    }
}
