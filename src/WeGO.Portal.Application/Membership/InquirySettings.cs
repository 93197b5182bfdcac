namespace WeGO.Portal.Application.Membership;

/// <summary>How long closed inquiries keep the inquirer's data (configuration section
/// <c>Portal:Inquiries</c>).</summary>
public sealed class InquirySettings
{
    public const string Section = "Portal:Inquiries";

    /// <summary>Days after a decline or withdrawal before the inquiry is anonymized; 0 keeps it for ever.</summary>
    public int RetentionDays { get; set; } = 730;
}
