using MailKit.Net.Smtp;
using MimeKit;

namespace WeGO.Portal.Infrastructure.Mail;

/// <summary>Where one batch of outbox mail goes: the SMTP server, or in Development without one, a folder of .eml
/// files.</summary>
internal interface IMailRoute : IAsyncDisposable
{
    /// <summary>Delivers one message; returns where it went, for the log. Throws <see
    /// cref="MailServerUnavailableException"/> when nothing can go out (no connection, refused credentials), anything
    /// else when only this message failed.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

internal sealed class MailServerUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>One SMTP connection per batch, opened on the first message and again after a message broke it.</summary>
internal sealed class SmtpRoute(SmtpSettings settings) : IMailRoute
{
    private readonly SmtpClient client = new() { Timeout = settings.TimeoutSeconds * 1000 };

    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (!client.IsConnected)
        {
            try
            {
                await client.ConnectAsync(
                    settings.Host!,
                    settings.EffectivePort,
                    settings.SocketOptions,
                    cancellationToken
                );
                if (!string.IsNullOrEmpty(settings.UserName))
                {
                    await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await DisconnectQuietlyAsync();
                throw new MailServerUnavailableException(
                    $"SMTP server {settings.Host}:{settings.EffectivePort} unavailable: {ex.Message}",
                    ex
                );
            }
        }

        await client.SendAsync(message, cancellationToken);
        return $"smtp://{settings.Host}:{settings.EffectivePort}";
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectQuietlyAsync();
        client.Dispose();
    }

    private async Task DisconnectQuietlyAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception ex)
            when (ex
                    is IOException
                        or MailKit.ProtocolException
                        or System.Net.Sockets.SocketException
                        or TimeoutException
            )
        {
            // The server went away first; nothing left to close politely.
        }
    }
}

/// <summary>Development without an SMTP server: each message becomes <c>{data}/mail/outbox-{id}.eml</c>, openable in
/// any mail program.</summary>
internal sealed class PickupFolderRoute(string folder) : IMailRoute
{
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, (message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0] + ".eml");
        await message.WriteToAsync(path, cancellationToken);
        return path;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
