namespace WeGO.Portal.Application.Membership;

/// <summary>How long closed inquiries and applications keep the person's data (configuration section
/// <c>Portal:Inquiries</c>).</summary>
public sealed class InquirySettings
{
    public const string Section = "Portal:Inquiries";

    /// <summary>Days after a decline or withdrawal before an inquiry is anonymized, and before an application loses its
    /// contact and its documents (rows and files); 0 keeps them for ever.</summary>
    public int RetentionDays { get; set; } = 730;
}
