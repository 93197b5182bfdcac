namespace WeGO.Portal.Application.Common;

/// <summary>Where the portal's emails come from and go to (configuration section <c>Portal:Mail</c>).</summary>
public sealed class MailSettings
{
    public const string Section = "Portal:Mail";

    /// <summary>The Secretariat's inbox for notifications (new inquiries and the like).</summary>
    public string SecretariatAddress { get; set; } = "secretariat@wego-portal.local";

    public string FromAddress { get; set; } = "no-reply@wego-portal.local";

    public string FromName { get; set; } = "WeGO Secretariat";

    /// <summary>The portal's public address, for links in emails (status links, report pages).</summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:5000");

    /// <summary>Days after a message was sent before its recipient, body and attachment are erased (its kind,
    /// subject and dates stay); 0 keeps them for ever.</summary>
    public int SentRetentionDays { get; set; } = 90;
}
