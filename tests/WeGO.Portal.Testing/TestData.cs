using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Testing;

/// <summary>The rows a test needs, made through the real use cases: each call makes fresh, uniquely named data and
/// returns its id, so tests sharing one portal never take another test's rows for their own. The facts default to the
/// Seremban visit (../shared/seed/scenario.md); a test changes only what it is about.</summary>
public static partial class TestData
{
    private static int counter;

    /// <summary><paramref name="name"/> with a number no other call of this run gets.</summary>
    public static string Unique(string name) => $"{name} {Interlocked.Increment(ref counter)}";

    /// <summary>The Seremban visit as staff schedule it, for a city of its own (a unique name of the Seremban council,
    /// unless the test names one): 7 October 2024, 10:00-12:00 at the WeGO Secretariat in Seoul, 36 delegates led by
    /// Lee Kai Yet. It is scheduled despite similar names or other visits at that time, which tests sharing a portal
    /// would otherwise meet.</summary>
    public static ScheduleVisit.Command Seremban(string? organization = null) =>
        new()
        {
            OrganizationName = organization ?? Unique("Seremban City Council"),
            LocalName = "Majlis Bandaraya Seremban",
            CountryCode = "MY",
            Purpose = "Introduce WeGO",
            Date = new DateOnly(2024, 10, 7),
            StartTime = new TimeOnly(10, 0),
            EndTime = new TimeOnly(12, 0),
            TimeZoneId = VenueTime.Seoul,
            Venue = "WeGO Secretariat, Seoul",
            OtherHostName = "Jeong-kee Kim",
            OtherHostTitle = "Secretary General",
            HeadOfDelegation = "Lee Kai Yet",
            HeadOfDelegationTitle = "Councillor",
            ExpectedHeadcount = 36,
            CreateNewOrganization = true,
            ScheduleDespiteConflicts = true,
        };

    /// <summary>Schedules <see cref="Seremban"/>, changed by <paramref name="change"/>, and returns the visit's
    /// id.</summary>
    public static async Task<int> ScheduleVisitAsync(
        this PortalFactory portal,
        Func<ScheduleVisit.Command, ScheduleVisit.Command>? change = null
    )
    {
        var command = Seremban();
        var result = await portal.SendAsync(change is null ? command : change(command));
        return result.VisitId?.Value ?? throw new InvalidOperationException("The visit was not scheduled.");
    }

    /// <summary>The topics of interest the Seremban delegation raised.</summary>
    public static readonly IReadOnlyList<string> SerembanTopics =
    [
        "Membership process",
        "Cooperation opportunities",
        "Feasibility-study opportunities",
        "WeGO's network in Asia and the world",
        "Members' smart-city initiatives on urban-planning strategy and inclusion",
    ];

    /// <summary>Records <paramref name="topics"/> (the <see cref="SerembanTopics"/> when none) on the visit, one by
    /// one as staff would.</summary>
    public static async Task RecordTopicsAsync(this PortalFactory portal, int visitId, params string[] topics)
    {
        foreach (var topic in topics.Length > 0 ? topics : SerembanTopics)
        {
            var version = (await portal.SendAsync(new GetVisitTopics.Query(visitId)))!.Version;
            await portal.SendAsync(
                new RecordTopic.Command
                {
                    VisitId = visitId,
                    Version = version,
                    Topic = topic,
                }
            );
        }
    }
}
