using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Infrastructure.DemoData;

/// <summary>Walks demo applications through the membership path with the portal's own use-case handlers, at the
/// story's dates: opened, the signed form sent, checked and accepted, then put before the Executive Committee and
/// decided. The handlers are called directly (no signed-in user exists at first run), so the rules, the registry's
/// changes and the mails are the ones staff would cause.</summary>
internal sealed class DemoApplicants(
    PortalDbContext db,
    StoryClock clock,
    CommandDocuments documents,
    IOptions<MailSettings> mail
)
{
    /// <summary>Opens an application (from the inquiry when there is one), sends the signed form and accepts it; a
    /// city is an Associate member from <paramref name="acceptedOn"/>.</summary>
    public async Task<MembershipApplication> AcceptAsync(
        Organization organization,
        (string Name, string Email, string Language) contact,
        int? inquiryId,
        DateOnly openedOn,
        DateOnly acceptedOn,
        CancellationToken cancellationToken
    )
    {
        clock.MorningOf(openedOn);
        var started = await new StartApplication.Handler(db, clock, mail).Handle(
            new StartApplication.Command
            {
                InquiryId = inquiryId,
                OrganizationId = inquiryId is null ? organization.Id : null,
                ContactName = contact.Name,
                ContactEmail = contact.Email,
                Language = contact.Language,
            },
            cancellationToken
        );
        await db.SaveChangesAsync(cancellationToken);
        var application = await db.MembershipApplications.SingleAsync(
            a => a.Id == started.ApplicationId.Value,
            cancellationToken
        );

        clock.MorningOf(openedOn.AddDays((acceptedOn.DayNumber - openedOn.DayNumber) / 2));
        await new AddApplicationDocument.Handler(db, documents, clock).Handle(
            new AddApplicationDocument.Command
            {
                ApplicationId = application.Id,
                Version = application.Version,
                FileName = "membership-application-form-signed.pdf",
                File = SignedForm(organization.Name, clock.Now),
            },
            cancellationToken
        );
        await db.SaveChangesAsync(cancellationToken);

        clock.MorningOf(acceptedOn);
        application.Check(isSigned: true, signatoryIsAuthorised: true, contactConfirmed: true);
        await db.SaveChangesAsync(cancellationToken);
        await new AcceptApplication.Handler(db, clock).Handle(
            new AcceptApplication.Command
            {
                ApplicationId = application.Id,
                Version = application.Version,
                AcceptedOn = acceptedOn,
            },
            cancellationToken
        );
        await db.SaveChangesAsync(cancellationToken);
        return application;
    }

    /// <summary>A meeting of the Executive Committee with the applications on its agenda, in order.</summary>
    public async Task<CommitteeMeeting> MeetingAsync(
        DateOnly heldOn,
        string? place,
        string? membersPresent,
        IEnumerable<MembershipApplication> agenda,
        CancellationToken cancellationToken
    )
    {
        var meeting = new CommitteeMeeting(heldOn, place, isOnline: place is null, membersPresent);
        foreach (var application in agenda)
        {
            meeting.Put(application);
        }

        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    /// <summary>The Committee's decision on an item, recorded the day of the meeting.</summary>
    public async Task DecideAsync(
        CommitteeMeeting meeting,
        MembershipApplication application,
        CommitteeDecision decision,
        string resolution,
        CancellationToken cancellationToken
    )
    {
        clock.MorningOf(meeting.HeldOn);
        await new RecordCommitteeDecision.Handler(db, clock).Handle(
            new RecordCommitteeDecision.Command
            {
                MeetingId = meeting.Id,
                Version = meeting.Version,
                ApplicationId = application.Id,
                Decision = decision,
                Resolution = resolution,
            },
            cancellationToken
        );
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A one-page PDF that stands for the signed Membership Application Form, marked as demo data.</summary>
    private static byte[] SignedForm(string organization, DateTimeOffset signedAt)
    {
        var line = $"Demo data: Membership Application Form of {organization}, signed {signedAt:yyyy-MM-dd}";
        var text = new string(line.Select(c => c is < ' ' or > '~' or '(' or ')' or '\\' ? '?' : c).ToArray());
        var content = $"BT /F1 12 Tf 56 780 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(
            CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        );
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
