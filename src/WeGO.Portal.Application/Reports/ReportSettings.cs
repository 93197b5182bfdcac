namespace WeGO.Portal.Application.Reports;

/// <summary>Who may approve a report (<c>Portal:Reports</c>).</summary>
public sealed class ReportSettings
{
    public const string Section = "Portal:Reports";

    /// <summary>Whether a report's author may approve it. Off: a second person reads every report before it speaks
    /// for the Secretariat. On only for a one-person office.</summary>
    public bool AuthorMayApprove { get; set; }

    public bool MayApprove(string authorId, string? reviewerId) =>
        AuthorMayApprove || !string.Equals(authorId, reviewerId, StringComparison.Ordinal);
}
