using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Testing;

/// <summary>Visits in a state other than just scheduled, and the Secretariat people who host them.</summary>
public static partial class TestData
{
    /// <summary>Schedules <see cref="Seremban"/>, changed by <paramref name="change"/>, then cancels it; returns the
    /// visit's id.</summary>
    public static async Task<int> ScheduleCancelledVisitAsync(
        this PortalFactory portal,
        Func<ScheduleVisit.Command, ScheduleVisit.Command>? change = null,
        string reason = "The delegation postponed its trip"
    )
    {
        var visitId = await portal.ScheduleVisitAsync(change);
        await portal.CancelScheduledVisitAsync(visitId, reason);
        return visitId;
    }

    /// <summary>Cancels the visit, at its current version, as staff would.</summary>
    public static async Task CancelScheduledVisitAsync(
        this PortalFactory portal,
        int visitId,
        string reason = "The delegation postponed its trip"
    )
    {
        var version = (await portal.SendAsync(new GetVisit.Query(visitId)))!.Version;
        await portal.SendAsync(
            new CancelVisit.Command
            {
                VisitId = visitId,
                Version = version,
                Reason = reason,
            }
        );
    }

    /// <summary>A person of the Secretariat who can host visits (the demo's are the Secretary General and the Program
    /// Director), under a unique <paramref name="name"/>; returns the contact's id. No use case adds one (the portal
    /// only reads them), so the row is written as the demo writes it.</summary>
    public static Task<int> SecretariatContactAsync(
        this PortalFactory portal,
        string name,
        string title = "Secretary General"
    ) =>
        portal.WithDbAsync(async db =>
        {
            var contact = db.Contacts.Add(new Contact(name, title, organizationId: null)).Entity;
            await db.SaveChangesAsync();
            return contact.Id;
        });
}
