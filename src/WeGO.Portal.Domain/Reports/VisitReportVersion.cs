using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Reports;

/// <summary>A report as it stood when it was submitted or approved: kept unchanged, so a director can see
/// what was sent back and what was finally approved.</summary>
public sealed class VisitReportVersion : Entity
{
    private VisitReportVersion() { }

    internal VisitReportVersion(
        int number,
        ReviewState state,
        ReportContent content,
        string savedBy,
        DateTime savedAtUtc
    )
    {
        Number = number;
        State = state;
        Summary = content.Summary;
        Participants = content.Participants;
        DelegationPresentation = content.DelegationPresentation;
        SecretariatPresentation = content.SecretariatPresentation;
        TopicsRaised = content.TopicsRaised;
        Outcomes = content.Outcomes;
        AttachmentLinks = content.AttachmentLinks;
        SavedBy = Require.Text(savedBy, "Report.AuthorRequired", PersonName.MaxLength);
        SavedAtUtc = savedAtUtc;
    }

    public int Number { get; private set; }

    public ReviewState State { get; private set; }

    public string Summary { get; private set; } = "";

    public string? Participants { get; private set; }

    public string? DelegationPresentation { get; private set; }

    public string? SecretariatPresentation { get; private set; }

    public string? TopicsRaised { get; private set; }

    public string? Outcomes { get; private set; }

    public string? AttachmentLinks { get; private set; }

    public string SavedBy { get; private set; } = "";

    public DateTime SavedAtUtc { get; private set; }
}
