using System.Text;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Reports;

/// <summary>What happened at a completed visit, written by staff and approved by a program director.
/// Draft -> Submitted -> Approved, or Submitted -> ChangesRequested -> (edited) -> Submitted again.
/// Each submission and the approval are kept as a <see cref="VisitReportVersion"/>.</summary>
public sealed class VisitReport : AggregateRoot
{
    public const string DefaultLanguage = "en";

    private readonly List<ReviewComment> comments = [];
    private readonly List<VisitReportVersion> versions = [];

    private VisitReport() { }

    public VisitReport(
        int visitId,
        string authorId,
        string authorName,
        DateTime createdAtUtc,
        string? authorLanguage = null
    )
    {
        VisitId = visitId;
        AuthorId = Require.Text(authorId, "Report.AuthorRequired", UserKey.MaxLength);
        AuthorName = Require.Text(authorName, "Report.AuthorRequired", PersonName.MaxLength);
        AuthorLanguage = Require.OptionalText(authorLanguage, LanguageCode.MaxLength) ?? DefaultLanguage;
        CreatedAtUtc = createdAtUtc;
        UpdatedAtUtc = createdAtUtc;
        State = ReviewState.Draft;
    }

    /// <summary>Starts the report of a completed visit, with the participants (delegation and hosts) and the
    /// topics raised already listed from the visit, for the writer to correct.</summary>
    public static VisitReport ForVisit(
        Visit visit,
        string authorId,
        string authorName,
        string? authorLanguage,
        DateTime nowUtc
    )
    {
        if (!visit.CanReport)
        {
            throw new DomainException("Report.VisitNotCompleted", visit.Status);
        }

        var report = new VisitReport(visit.Id, authorId, authorName, nowUtc, authorLanguage)
        {
            Participants = Require.OptionalText(ParticipantsOf(visit), ReportContent.TextMaxLength),
            TopicsRaised = Require.OptionalText(
                string.Join('\n', visit.Topics.Select(t => "- " + t.Title)),
                ReportContent.TextMaxLength
            ),
        };
        return report;
    }

    public int VisitId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    /// <summary>The language the author works in (their portal language when they started or last submitted
    /// the report): the review decisions are mailed to them in it.</summary>
    public string AuthorLanguage { get; private set; } = DefaultLanguage;

    /// <summary>Markdown.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Markdown: who took part, both sides.</summary>
    public string? Participants { get; private set; }

    /// <summary>Markdown: what the visiting delegation presented.</summary>
    public string? DelegationPresentation { get; private set; }

    /// <summary>Markdown: what the Secretariat presented.</summary>
    public string? SecretariatPresentation { get; private set; }

    /// <summary>Markdown: the topics the delegation raised.</summary>
    public string? TopicsRaised { get; private set; }

    /// <summary>Markdown.</summary>
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

    public IReadOnlyList<VisitReportVersion> Versions => versions;

    /// <summary>Whether its text can be written: as a draft, or when changes were requested.</summary>
    public bool CanEdit => CanEditIn(State);

    /// <summary>Whether it can be sent for review: from the same states it can be written in.</summary>
    public bool CanSubmit => CanSubmitIn(State);

    /// <summary>Whether a director can approve it or request changes: while it awaits review.</summary>
    public bool CanReview => CanReviewIn(State);

    /// <summary>Whether the review conversation is open: until the approval closes it.</summary>
    public bool CanComment => CanCommentIn(State);

    /// <summary>Whether news releases can be drafted from it: once it is approved.</summary>
    public bool CanRelease => CanReleaseIn(State);

    // The state rules, asked of a state so a query that projects the state asks the rule the entity enforces.
    public static bool CanEditIn(ReviewState state) => state is ReviewState.Draft or ReviewState.ChangesRequested;

    public static bool CanSubmitIn(ReviewState state) => CanEditIn(state);

    public static bool CanReviewIn(ReviewState state) => state == ReviewState.Submitted;

    public static bool CanCommentIn(ReviewState state) => state != ReviewState.Approved;

    public static bool CanReleaseIn(ReviewState state) => state == ReviewState.Approved;

    public ReportContent Content =>
        new(
            Summary,
            Participants,
            DelegationPresentation,
            SecretariatPresentation,
            TopicsRaised,
            Outcomes,
            AttachmentLinks
        );

    public void Write(ReportContent content, DateTime nowUtc)
    {
        if (!CanEdit)
        {
            throw new DomainException("Report.NotEditable", State);
        }

        Summary = Require.OptionalText(content.Summary, ReportContent.TextMaxLength) ?? "";
        Participants = Require.OptionalText(content.Participants, ReportContent.TextMaxLength);
        DelegationPresentation = Require.OptionalText(content.DelegationPresentation, ReportContent.TextMaxLength);
        SecretariatPresentation = Require.OptionalText(content.SecretariatPresentation, ReportContent.TextMaxLength);
        TopicsRaised = Require.OptionalText(content.TopicsRaised, ReportContent.TextMaxLength);
        Outcomes = Require.OptionalText(content.Outcomes, ReportContent.TextMaxLength);
        AttachmentLinks = Require.OptionalText(content.AttachmentLinks, ReportContent.AttachmentLinksMaxLength);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Sends the report for review and keeps it as it was sent. <paramref name="language"/> is the
    /// submitter's portal language, remembered when the author submits.</summary>
    public void Submit(string submitterId, string submitterName, string? language, DateTime nowUtc)
    {
        if (!CanSubmit)
        {
            throw new DomainException("Report.CannotSubmit", State);
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            throw new DomainException("Report.SummaryRequired");
        }

        if (submitterId == AuthorId && Require.OptionalText(language, LanguageCode.MaxLength) is { } authorLanguage)
        {
            AuthorLanguage = authorLanguage;
        }

        State = ReviewState.Submitted;
        SubmittedAtUtc = nowUtc;
        KeepVersion(submitterName, nowUtc);
    }

    public void Approve(string directorName, DateTime nowUtc)
    {
        EnsureSubmitted();
        State = ReviewState.Approved;
        ApprovedBy = Require.Text(directorName, "Report.ReviewerRequired", PersonName.MaxLength);
        ApprovedAtUtc = nowUtc;
        KeepVersion(directorName, nowUtc);
    }

    public ReviewComment RequestChanges(string directorName, string comment, DateTime nowUtc)
    {
        EnsureSubmitted();
        var added = Comment(directorName, comment, null, nowUtc);
        State = ReviewState.ChangesRequested;
        return added;
    }

    /// <summary>Adds to the review conversation; <paramref name="replyToId"/> threads a reply under an earlier comment.
    /// The conversation closes with the approval.</summary>
    public ReviewComment Comment(string authorName, string text, int? replyToId, DateTime nowUtc)
    {
        if (!CanComment)
        {
            throw new DomainException("Report.NotEditable", State);
        }

        if (replyToId is { } parent && comments.All(c => c.Id != parent))
        {
            throw new DomainException("Report.CommentNotFound");
        }

        var comment = new ReviewComment(authorName, text, replyToId, nowUtc);
        comments.Add(comment);
        return comment;
    }

    private void KeepVersion(string by, DateTime nowUtc) =>
        versions.Add(
            new VisitReportVersion(
                versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1,
                State,
                Content,
                by,
                nowUtc
            )
        );

    private void EnsureSubmitted()
    {
        if (!CanReview)
        {
            throw new DomainException("Report.NotAwaitingReview", State);
        }
    }

    /// <summary>The delegation (roster, or its head when there is no roster yet) under the visiting city's name,
    /// then the hosts under WeGO's, as a Markdown list.</summary>
    private static string ParticipantsOf(Visit visit)
    {
        var text = new StringBuilder();
        var delegation =
            visit.Delegation.Members.Count > 0
                ? visit
                    .Delegation.Members.OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1)
                    .ThenBy(m => m.FullName, StringComparer.Ordinal)
                    .Select(m => Person(m.FullName, m.Title))
            : visit.Delegation.HeadOfDelegation is { } head ? [Person(head, visit.Delegation.HeadOfDelegationTitle)]
            : [];
        AppendGroup(text, visit.Organization.Name, delegation);
        AppendGroup(text, "WeGO", visit.Hosts.OrderBy(h => h.Order).Select(h => Person(h.Name, h.Title)));
        return text.ToString();
    }

    private static string Person(string name, string? title) => title is null ? name : $"{name}, {title}";

    private static void AppendGroup(StringBuilder text, string heading, IEnumerable<string> people)
    {
        var lines = people.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append("**").Append(heading).Append("**\n\n");
        foreach (var line in lines)
        {
            text.Append("- ").Append(line).Append('\n');
        }
    }
}
