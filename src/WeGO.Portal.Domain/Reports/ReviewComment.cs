using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Reports;

public sealed class ReviewComment : Entity
{
    public const int TextMaxLength = 4000;

    private ReviewComment() { }

    internal ReviewComment(string authorName, string text, int? replyToId, DateTime writtenAtUtc)
    {
        AuthorName = Require.Text(authorName, "Report.CommentAuthorRequired", PersonName.MaxLength);
        Text = Require.Text(text, "Report.CommentRequired", TextMaxLength);
        ReplyToId = replyToId;
        WrittenAtUtc = writtenAtUtc;
    }

    public string AuthorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public int? ReplyToId { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }
}
