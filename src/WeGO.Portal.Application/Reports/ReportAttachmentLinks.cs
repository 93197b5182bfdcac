namespace WeGO.Portal.Application.Reports;

/// <summary>A report's attachments are links, one per line, to documents kept elsewhere (shared drives, the
/// website).</summary>
public static class ReportAttachmentLinks
{
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An absolute http or https address: anything else (javascript:, file:, a bare word) is
    /// refused.</summary>
    public static bool IsWebAddress(string line) =>
        Uri.TryCreate(line, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>The links that can be shown as links; an invalid line stored before validation existed is left
    /// out.</summary>
    public static IReadOnlyList<Uri> WebAddresses(string? text) =>
        [.. Lines(text).Where(IsWebAddress).Select(line => new Uri(line, UriKind.Absolute))];
}
