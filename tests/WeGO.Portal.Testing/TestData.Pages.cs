using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Testing;

/// <summary>Builders for the Web page tests (calendar, dashboard, visit and sign-in pages), through the same commands
/// the pages send.</summary>
public static partial class TestData
{
    /// <summary>The Seremban agenda, in order: start, end, title, speaker.</summary>
    public static readonly IReadOnlyList<(
        TimeOnly Start,
        TimeOnly End,
        string Title,
        string? Speaker
    )> SerembanAgenda =
    [
        (new(10, 0), new(10, 15), "Welcome address", "Secretary General Jeong-kee Kim"),
        (
            new(10, 15),
            new(10, 45),
            "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0",
            "Councillor Lee Kai Yet"
        ),
        (new(10, 45), new(11, 15), "WeGO's activities, vision and flagship programmes", "Program Director Lii Inn Tan"),
        (new(11, 15), new(12, 0), "Questions and answers", null),
    ];

    /// <summary>Schedules <see cref="Seremban"/> (changed by <paramref name="change"/>), gives it the
    /// <see cref="SerembanAgenda"/>, confirms it and marks it completed, as the Seremban visit stood afterwards;
    /// returns its id.</summary>
    public static async Task<int> ScheduleHeldVisitForPagesAsync(
        this PortalFactory portal,
        Func<ScheduleVisit.Command, ScheduleVisit.Command>? change = null
    )
    {
        var id = await portal.ScheduleVisitAsync(change);
        foreach (var (start, end, title, speaker) in SerembanAgenda)
        {
            await portal.SendAsync(
                new AddAgendaItem.Command
                {
                    VisitId = id,
                    Version = await VisitVersionAsync(portal, id),
                    StartsAt = start,
                    EndsAt = end,
                    Title = title,
                    Speaker = speaker,
                }
            );
        }

        await portal.SendAsync(new ConfirmVisit.Command(id, await VisitVersionAsync(portal, id)));
        await portal.SendAsync(new CompleteVisit.Command(id, await VisitVersionAsync(portal, id)));
        return id;
    }

    /// <summary>Cancels the visit as staff would, with the delegation's reason.</summary>
    public static async Task CancelVisitForPagesAsync(this PortalFactory portal, int visitId) =>
        await portal.SendAsync(
            new CancelVisit.Command
            {
                VisitId = visitId,
                Version = await VisitVersionAsync(portal, visitId),
                Reason = "The delegation postponed its trip.",
            }
        );

    /// <summary>An open follow-up of the visit, owned by the Program Director, due on <paramref name="dueOn"/>;
    /// returns its id.</summary>
    public static async Task<int> AddFollowUpForPagesAsync(
        this PortalFactory portal,
        int visitId,
        DateOnly dueOn,
        string description = "Share member cases on urban-planning strategy and inclusion"
    ) =>
        (
            await portal.SendAsync(
                new AddFollowUp.Command
                {
                    VisitId = visitId,
                    Description = description,
                    OwnerName = "Lii Inn Tan",
                    DueOn = dueOn,
                }
            )
        ).Value;

    private static async Task<int> VisitVersionAsync(PortalFactory portal, int visitId) =>
        (await portal.SendAsync(new GetVisit.Query(visitId)))!.Version;
}
