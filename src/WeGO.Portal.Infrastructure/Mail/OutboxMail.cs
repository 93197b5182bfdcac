using System.Text;
using MimeKit;
using MimeKit.Text;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Infrastructure.Mail;

/// <summary>An outbox message as the email that goes out.</summary>
public static class OutboxMail
{
    /// <summary>The same for every attempt at one message, so a retry after a crash between sending and marking
    /// can be recognised (and dropped) downstream.</summary>
    public static string MessageId(int outboxId) => $"outbox-{outboxId}@wego-portal";

    public static MimeMessage Compose(OutboxMessage outbox, MailSettings mail)
    {
        var message = new MimeMessage
        {
            MessageId = MessageId(outbox.Id),
            Subject = outbox.Subject,
            Date = new DateTimeOffset(outbox.CreatedAtUtc, TimeSpan.Zero),
        };
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(MailboxAddress.Parse(outbox.To));

        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, outbox.Body);
        body.Headers.Add(HeaderId.ContentLanguage, outbox.Language);
        if (outbox.AttachmentName is null)
        {
            message.Body = body;
            return message;
        }

        var attachment = new MimePart(ContentType.Parse(outbox.AttachmentType ?? "application/octet-stream"))
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(outbox.AttachmentContent ?? ""))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = outbox.AttachmentName,
        };
        message.Body = new Multipart("mixed") { body, attachment };
        return message;
    }
}
