using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Reports;

public sealed class ReviewComment : Entity
{
    private ReviewComment() { }

    internal ReviewComment(string authorName, string text, int? replyToId, DateTime writtenAtUtc)
    {
        AuthorName = Require.Text(authorName, "Report.CommentAuthorRequired", 200);
        Text = Require.Text(text, "Report.CommentRequired", 4000);
        ReplyToId = replyToId;
        WrittenAtUtc = writtenAtUtc;
    }

    public string AuthorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public int? ReplyToId { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }
}
