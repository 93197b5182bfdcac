using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Erasing a closed inquiry or application erases its copies with it, in the same unit of work: the messages
/// written to or about the person, the values the audit trail recorded, and (for an application) the uploaded files,
/// deleted once the erasure committed. Shared by the administrator's action and by retention, which erase the
/// <see cref="CopiesToErase"/> gathered here once, at the end of their unit of work.</summary>
public static class ApplicantErasure
{
    /// <summary>Anonymizes a declined or withdrawn <paramref name="inquiry"/> (notes loaded), its messages and audit
    /// values, and the application opened from it when that application closed without membership.</summary>
    public static async Task AnonymizeInquiryAsync(
        PortalDbContext db,
        CommandDocuments documents,
        MembershipInquiry inquiry,
        CopiesToErase copies,
        DateTime nowUtc,
        CancellationToken cancellationToken
    )
    {
        // Read before the inquiry forgets them.
        var values = HeldValues(inquiry);
        inquiry.Anonymize(nowUtc);
        copies.Add(PersonalDataCopies.RecordOf(inquiry), values);

        var applications = await ErasableWith(db.MembershipApplications.Include(a => a.Documents), [inquiry.Id])
            .ToListAsync(cancellationToken);
        foreach (var application in applications)
        {
            EraseApplication(documents, application, copies);
        }
    }

    /// <summary>What an inquiry's copies may hold: the address, the name and the telephone number.</summary>
    public static string?[] HeldValues(MembershipInquiry inquiry) =>
        [inquiry.Email, inquiry.ContactName, inquiry.Phone];

    /// <summary>What an application's copies may hold: the signatory's address and name.</summary>
    public static string?[] HeldValues(MembershipApplication application) =>
        [application.ContactEmail, application.ContactName];

    /// <summary>The applications opened from <paramref name="inquiryIds"/> that closed without membership: erased
    /// with their inquiry.</summary>
    public static IQueryable<MembershipApplication> ErasableWith(
        IQueryable<MembershipApplication> applications,
        IReadOnlyCollection<int> inquiryIds
    ) =>
        applications
            .Where(MembershipApplication.ErasableAfterClosing)
            .Where(a => a.InquiryId != null && inquiryIds.Contains(a.InquiryId.Value));

    /// <summary>Erases the signatory of <paramref name="application"/> (documents loaded), deletes its files after
    /// commit, and adds it to the <paramref name="copies"/> to erase.</summary>
    public static void EraseApplication(
        CommandDocuments documents,
        MembershipApplication application,
        CopiesToErase copies
    )
    {
        var values = HeldValues(application);
        foreach (var storedName in application.ErasePerson())
        {
            documents.DeleteOnCommit(storedName);
        }

        // An erased record's values read "—", shorter than any value PersonalDataCopies looks for.
        copies.Add(PersonalDataCopies.RecordOf(application), values);
    }
}
