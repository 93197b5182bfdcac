using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Membership;

/// <summary>An internal note staff keep on an inquiry; never shown to the inquirer.</summary>
public sealed class InquiryNote : Entity
{
    public const int TextMaxLength = 4000;

    private InquiryNote() { }

    internal InquiryNote(string text, string author, DateTime writtenAtUtc)
    {
        Text = Require.Text(text, "Inquiry.NoteRequired", TextMaxLength);
        Author = Require.Text(author, "Inquiry.NoteAuthorRequired", PersonName.MaxLength);
        WrittenAtUtc = writtenAtUtc;
    }

    [PersonalData]
    public string Text { get; private set; } = "";

    public string Author { get; private set; } = "";

    public DateTime WrittenAtUtc { get; private set; }

    internal void Erase() => Text = "—";
}
