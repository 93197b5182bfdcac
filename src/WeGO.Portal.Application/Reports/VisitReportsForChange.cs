using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

public static class VisitReportsForChange
{
    private static readonly string[] Languages = ["en", "es", "ko"];

    /// <summary>Loads a report with its comments and versions, expecting the version the user's page was built
    /// from: if someone saved the report since, the unit of work's save fails with a concurrency conflict.</summary>
    public static Task<VisitReport> LoadReportForChangeAsync(
        this PortalDbContext db,
        int reportId,
        int expectedVersion,
        CancellationToken cancellationToken
    ) =>
        db
            .VisitReports.Include(r => r.Comments)
            .Include(r => r.Versions)
            .AsSplitQuery()
            .SingleForChangeAsync(db, reportId, expectedVersion, "Report.NotFound", cancellationToken);

    /// <summary>The portal language of the person acting now (en, es or ko), for the mails written to them
    /// later.</summary>
    public static string CurrentLanguage()
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Languages.Contains(language) ? language : VisitReport.DefaultLanguage;
    }
}

/// <summary>A report after its command: the version it now has (raised when the unit of work saves, after the
/// handler returns, so read it once Send has completed) and when it was last written.</summary>
public sealed class SavedVisitReport(VisitReport report)
{
    public int Id => report.Id;

    public int Version => report.Version;

    public DateTime UpdatedAtUtc => report.UpdatedAtUtc;
}
