namespace WeGO.Portal.Domain.Reports;

/// <summary>What a visit report says, in Markdown: the fields staff write and each version keeps.</summary>
public sealed record ReportContent(
    string Summary,
    string? Participants,
    string? DelegationPresentation,
    string? SecretariatPresentation,
    string? TopicsRaised,
    string? Outcomes,
    string? AttachmentLinks
)
{
    public const int TextMaxLength = 20000;

    public const int AttachmentLinksMaxLength = 4000;

    public static ReportContent Empty { get; } = new("", null, null, null, null, null, null);
}
