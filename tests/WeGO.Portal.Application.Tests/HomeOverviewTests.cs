using WeGO.Portal.Application.Home;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The home page's visit figures, with the clock at 15 June 2025, 10:10 in Seoul. The class has one test, so
/// its portal holds only that test's visits and the figures are counted whole.</summary>
public sealed class HomeOverviewTests : IDisposable
{
    private static readonly DateTimeOffset TenPastTenSeoul = new(2025, 6, 15, 1, 10, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal = new(new FixedClock(TenPastTenSeoul));

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Upcoming_visits_are_those_going_on_now_and_to_come_not_the_cancelled_or_finished_ones()
    {
        portal.Start();
        await VisitAsync("Going on now", new DateOnly(2025, 6, 15), new TimeOnly(10, 0));
        await VisitAsync("Over this morning", new DateOnly(2025, 6, 15), new TimeOnly(8, 0));
        await VisitAsync("Yesterday", new DateOnly(2025, 6, 14), new TimeOnly(15, 0));
        await VisitAsync("Tomorrow", new DateOnly(2025, 6, 16), new TimeOnly(9, 0));
        await VisitAsync("Next year", new DateOnly(2026, 3, 2), new TimeOnly(9, 0));
        await portal.ScheduleCancelledVisitAsync(At("Cancelled", new DateOnly(2025, 6, 20), new TimeOnly(9, 0)));
        await portal.ScheduleCancelledVisitAsync(
            At("Cancelled while on", new DateOnly(2025, 6, 15), new TimeOnly(10, 5)),
            "Storm"
        );

        var overview = await portal.SendAsync(new GetHomeOverview.Query());

        Assert.Equal(3, overview.UpcomingCount);
        Assert.Equal(["Going on now", "Tomorrow", "Next year"], overview.Upcoming.Select(v => v.Organization));
        Assert.Equal(["Over this morning", "Yesterday"], overview.Recent.Select(v => v.Organization));
    }

    private Task<int> VisitAsync(string city, DateOnly date, TimeOnly start) =>
        portal.ScheduleVisitAsync(At(city, date, start));

    /// <summary>An hour's visit by <paramref name="city"/>, starting at <paramref name="start"/> in Seoul.</summary>
    private static Func<ScheduleVisit.Command, ScheduleVisit.Command> At(string city, DateOnly date, TimeOnly start) =>
        c =>
            c with
            {
                OrganizationName = city,
                CountryCode = "KR",
                Date = date,
                StartTime = start,
                EndTime = start.AddMinutes(60),
            };
}
