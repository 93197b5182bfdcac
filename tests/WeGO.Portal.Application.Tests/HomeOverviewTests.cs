using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Home;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The home page's visit figures, with the clock at 15 June 2025, 10:10 in Seoul.</summary>
public sealed class HomeOverviewTests : IDisposable
{
    private static readonly DateTimeOffset TenPastTenSeoul = new(2025, 6, 15, 1, 10, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal = new(new FixedClock(TenPastTenSeoul)) { SeedDemo = false };

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Upcoming_visits_are_those_going_on_now_and_to_come_not_the_cancelled_or_finished_ones()
    {
        portal.Start();
        await portal.WithDbAsync(db =>
        {
            var now = TenPastTenSeoul.UtcDateTime;
            Visit(db, "Going on now", new DateOnly(2025, 6, 15), new TimeOnly(10, 0), now);
            Visit(db, "Over this morning", new DateOnly(2025, 6, 15), new TimeOnly(8, 0), now);
            Visit(db, "Yesterday", new DateOnly(2025, 6, 14), new TimeOnly(15, 0), now);
            Visit(db, "Tomorrow", new DateOnly(2025, 6, 16), new TimeOnly(9, 0), now);
            Visit(db, "Next year", new DateOnly(2026, 3, 2), new TimeOnly(9, 0), now);
            Visit(db, "Cancelled", new DateOnly(2025, 6, 20), new TimeOnly(9, 0), now).Cancel("Postponed");
            Visit(db, "Cancelled while on", new DateOnly(2025, 6, 15), new TimeOnly(10, 5), now).Cancel("Storm");
            return db.SaveChangesAsync();
        });

        var overview = await portal.SendAsync(new GetHomeOverview.Query());

        Assert.Equal(3, overview.UpcomingCount);
        Assert.Equal(["Going on now", "Tomorrow", "Next year"], overview.Upcoming.Select(v => v.Organization));
        Assert.Equal(["Over this morning", "Yesterday"], overview.Recent.Select(v => v.Organization));
    }

    private static Visit Visit(PortalDbContext db, string city, DateOnly date, TimeOnly start, DateTime now)
    {
        var organization = db
            .Organizations.Add(new Organization(city, "KR", Region.EastAsia, OrganizationKind.LocalGovernment))
            .Entity;
        return db
            .Visits.Add(
                Domain.Visits.Visit.Schedule(
                    organization,
                    "Exchange",
                    "Seoul Secretariat",
                    date,
                    start,
                    start.AddMinutes(60),
                    VenueTime.Seoul,
                    now
                )
            )
            .Entity;
    }
}
