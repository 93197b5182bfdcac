using MailKit.Security;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Infrastructure.Mail;

/// <summary>How the outbox is delivered (configuration section <c>Portal:Mail</c>, next to <see
/// cref="MailSettings"/>).</summary>
public sealed class MailDeliverySettings
{
    /// <summary>Deliver the outbox from this instance. Every instance may: claims keep them from sending a message
    /// twice.</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>Seconds between looks at the outbox when it has nothing due.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Messages claimed at once.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim holds. A sender that dies mid-batch blocks its messages this long; a sender that
    /// finds its lease run out stops and leaves the rest to whoever claims them next.</summary>
    public int LeaseSeconds { get; set; } = 300;

    public SmtpSettings Smtp { get; set; } = new();

    public static bool IsValid(MailDeliverySettings settings) =>
        settings.PollSeconds > 0
        && settings.BatchSize is > 0 and <= 1000
        && settings.LeaseSeconds >= 10
        && settings.Smtp.Port is null or (> 0 and < 65536)
        && settings.Smtp.TimeoutSeconds > 0;
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The mail server (<c>Portal:Mail:Smtp</c>). Without a host, Development writes .eml files to the data
/// folder and other environments keep the messages queued.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    /// <summary>The port; when unset, the usual one for <see cref="Security"/> (25, 587 or 465).</summary>
    public int? Port { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public int TimeoutSeconds { get; set; } = 30;

    public bool HasHost => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort =>
        Port
        ?? Security switch
        {
            SmtpSecurity.None => 25,
            SmtpSecurity.SslOnConnect => 465,
            _ => 587,
        };

    public SecureSocketOptions SocketOptions =>
        Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
}
