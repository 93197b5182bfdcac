using MimeKit;
using MimeKit.Text;
using WeGO.Portal.Infrastructure.Mail;

namespace WeGO.Portal.Application.Tests;

/// <summary>The mails Development writes as files go with the person they hold: found in the file as written or, when
/// the body is encoded (base64 for Korean text), as decoded; other mails stay.</summary>
public sealed class SentMailFilesTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "wego-mail-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Deletes_the_mails_that_hold_a_value_as_written_or_decoded_and_keeps_the_others()
    {
        Directory.CreateDirectory(folder);
        await WriteAsync("to-her.eml", "Ji-woo.Han@Example.org", "환영합니다", ContentEncoding.SevenBit);
        await WriteAsync("about-her.eml", "secretariat@wego.example", "문의자: 한지우 님", ContentEncoding.Base64);
        await WriteAsync("other.eml", "someone@else.example", "다른 사람: 김민수 님", ContentEncoding.Base64);

        var deleted = await new SentMailFiles(folder).DeleteHoldingAsync(
            ["ji-woo.han@example.org", "한지우"],
            CancellationToken.None
        );

        Assert.Equal(2, deleted);
        Assert.Equal(["other.eml"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Without_a_mail_folder_there_is_nothing_to_delete() =>
        Assert.Equal(0, await new SentMailFiles(folder).DeleteHoldingAsync(["anyone"], CancellationToken.None));

    private async Task WriteAsync(string name, string to, string body, ContentEncoding encoding)
    {
        var text = new TextPart(TextFormat.Plain) { Text = body };
        text.ContentTransferEncoding = encoding;
        using var message = new MimeMessage(
            [new MailboxAddress("WeGO", "portal@wego.example")],
            [MailboxAddress.Parse(to)],
            "WeGO",
            text
        );
        await message.WriteToAsync(Path.Combine(folder, name));
    }
}
