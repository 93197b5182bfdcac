using System.Text;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>One person put into every feature that can hold them, through the use cases staff and the public forms
/// use: an inquiry with a note, its application with a signed form naming them, a visit request, a visit they lead and
/// are the delegation's contact for (its programme mailed to them), and an organisation's contact.</summary>
public static class PersonEverywhere
{
    public static async Task PutAsync(PortalFactory portal, string email, string name, string phone)
    {
        // An inquiry through the public form's use case (its confirmation mail goes to the person), with a note.
        var inquiry = await portal.MembershipInquiryAsync(change: c =>
            c with
            {
                ContactName = name,
                Email = email,
                Phone = phone,
                Message = $"Please write to {email}.",
            }
        );
        await portal.WriteInquiryNoteAsync(inquiry.Id, $"Called {name} on {phone}; she asked us to use {email}.");

        // Its application, with a signed form that names the person.
        var application = await portal.SendAsync(new StartApplication.Command { InquiryId = inquiry.Id });
        await portal.SendAsync(
            new AddApplicationDocument.Command
            {
                ApplicationId = application.ApplicationId.Value,
                Version = await portal.ApplicationVersionAsync(application.ApplicationId.Value),
                FileName = "signed-form.pdf",
                File = Encoding.UTF8.GetBytes($"%PDF-1.7\n% signed by {name}, {email}\n%%EOF\n"),
            }
        );

        await portal.VisitRequestAsync(c => c with { ContactName = name, Email = email, Phone = phone });

        // A visit she leads and is the delegation's contact for; the programme mailed to her.
        var visitId = await portal.ScheduleVisitAsync(c =>
            c with
            {
                Date = new DateOnly(2030, 10, 7),
                HeadOfDelegation = name,
            }
        );
        await portal.SendAsync(new ConfirmVisit.Command(visitId, 0));
        await portal.SendAsync(
            new AddDelegate.Command
            {
                VisitId = visitId,
                Version = await VisitVersionAsync(portal, visitId),
                FullName = name,
                Title = "Deputy Mayor",
                Role = DelegationRole.HeadOfDelegation,
                Email = email,
                DietaryNeeds = "Vegetarian",
            }
        );
        await portal.SendAsync(
            new EditProgramme.Command
            {
                VisitId = visitId,
                Version = await VisitVersionAsync(portal, visitId),
                VenueAddress = "Seoul Global Center, 38 Jong-ro, Jongno-gu, Seoul",
                ContactName = name,
                ContactEmail = email,
            }
        );
        await portal.SendAsync(new SendProgramme.Command(visitId, await VisitVersionAsync(portal, visitId)));

        // A contact of an organisation (no use case adds one: the row is written as the demo writes it).
        await portal.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.FirstAsync();
            var contact = new Contact(name, "International Relations", organization.Id);
            contact.Update(name, "International Relations", email, phone);
            db.Contacts.Add(contact);
            return await db.SaveChangesAsync();
        });
    }

    private static async Task<int> VisitVersionAsync(PortalFactory portal, int id) =>
        (await portal.SendAsync(new GetProgramme.Query(id)))!.Version;
}
