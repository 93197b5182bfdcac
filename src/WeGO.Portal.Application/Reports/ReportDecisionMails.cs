using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>Tells a report's author what the director decided, by an outbox mail in the author's language,
/// written in the same unit of work as the decision.</summary>
internal static class ReportDecisionMails
{
    /// <summary>Template <paramref name="template"/> gets: {0} the visiting city, {1} the director, {2} the report's
    /// address, {3} the author, {4} the signature, {5} the director's comment.</summary>
    public static async Task WriteAsync(
        PortalDbContext db,
        MailSettings mail,
        VisitReport report,
        string template,
        string directorName,
        string? comment,
        DateTime nowUtc,
        CancellationToken cancellationToken
    )
    {
        var to = await db
            .Users.Where(u => u.Id == report.AuthorId)
            .Select(u => u.Email)
            .SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(to))
        {
            // The author's account is gone: the decision stands, there is nobody to tell.
            return;
        }

        var city = await db
            .Visits.Where(v => v.Id == report.VisitId)
            .Select(v => v.Organization.Name)
            .SingleAsync(cancellationToken);
        var link = new Uri(mail.PublicUrl, $"/Reports/Details/{report.Id}");
        var language = report.AuthorLanguage;
        db.OutboxMessages.Add(
            Emails.Compose(
                to,
                template,
                language,
                nowUtc,
                city,
                directorName,
                link,
                report.AuthorName,
                Emails.Text("Signature", language),
                comment ?? ""
            )
        );
    }
}
