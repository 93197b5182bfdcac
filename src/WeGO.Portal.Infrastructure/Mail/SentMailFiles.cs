using MimeKit;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Infrastructure.Mail;

/// <summary>The .eml files Development's outbox writes to <c>&lt;data&gt;/mail</c> (<see cref="PickupFolderRoute"/>).
/// A file is looked at as written and as decoded (a body in base64 or quoted-printable hides its words).</summary>
public sealed class SentMailFiles(string folder) : ISentMailCopies
{
    public async Task<int> DeleteHoldingAsync(IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        if (values.Count == 0 || !Directory.Exists(folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.eml"))
        {
            if (await HoldsAsync(path, values, cancellationToken))
            {
                File.Delete(path);
                deleted++;
            }
        }

        return deleted;
    }

    private static async Task<bool> HoldsAsync(
        string path,
        IReadOnlyCollection<string> values,
        CancellationToken cancellationToken
    )
    {
        var raw = await File.ReadAllTextAsync(path, cancellationToken);
        if (Holds(raw, values))
        {
            return true;
        }

        using var message = await MimeMessage.LoadAsync(path, cancellationToken);
        var decoded = string.Join(
            '\n',
            message.To.ToString(),
            message.Subject ?? "",
            message.TextBody ?? "",
            message.HtmlBody ?? "",
            string.Join('\n', message.Attachments.OfType<TextPart>().Select(a => a.Text))
        );
        return Holds(decoded, values);
    }

    private static bool Holds(string text, IReadOnlyCollection<string> values) =>
        values.Any(v => PersonalDataCopies.Mentions(text, v));
}
