using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;
using IcsCalendar = Ical.Net.Calendar;

namespace WeGO.Portal.Application.Tests;

public sealed class VisitCalendarTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> ScheduleAsync(
        string city,
        DateOnly date,
        TimeOnly start,
        TimeOnly end,
        string timeZoneId,
        Action<Visit>? then = null
    ) =>
        portal.WithDbAsync(async db =>
        {
            var visit = Visit.Schedule(
                new Organization(city, "MX", Region.LatinAmerica, OrganizationKind.LocalGovernment),
                "Exchange on mobility data",
                "City Hall",
                date,
                start,
                end,
                timeZoneId,
                DateTime.UtcNow
            );
            then?.Invoke(visit);
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            return visit.Id;
        });

    [Fact]
    public async Task Visits_sit_on_the_day_they_start_for_the_viewer_not_in_UTC()
    {
        // 8 October 08:00 in Auckland is still 7 October in UTC; 31 October 20:00 in Los Angeles is already 1 November
        // in UTC, and 1 November 12:00 in Seoul.
        var auckland = await ScheduleAsync(
            "Auckland Council",
            new DateOnly(2024, 10, 8),
            new TimeOnly(8, 0),
            new TimeOnly(9, 0),
            "Pacific/Auckland"
        );
        var losAngeles = await ScheduleAsync(
            "City of Los Angeles",
            new DateOnly(2024, 10, 31),
            new TimeOnly(20, 0),
            new TimeOnly(21, 0),
            "America/Los_Angeles"
        );
        var seremban = await portal.ScheduleVisitAsync();
        var october = new GetVisitCalendar.Query(new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 31));
        var firstOfNovember = new GetVisitCalendar.Query(new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 1));

        var inAuckland = await portal.SendAsAsync(Colleague.ViewingIn("Pacific/Auckland"), october);
        var inLosAngeles = await portal.SendAsAsync(Colleague.ViewingIn("America/Los_Angeles"), october);
        var inSeoul = await portal.SendAsAsync(Colleague.ViewingIn(VenueTime.Seoul), october);
        var novemberInSeoul = await portal.SendAsAsync(Colleague.ViewingIn(VenueTime.Seoul), firstOfNovember);

        Assert.Equal(
            (new DateOnly(2024, 10, 8), new TimeOnly(8, 0)),
            inAuckland.Where(e => e.Visit.Id == auckland).Select(e => (e.Day, e.StartsAt)).Single()
        );
        Assert.Equal(
            (new DateOnly(2024, 10, 31), new TimeOnly(20, 0)),
            inLosAngeles.Where(e => e.Visit.Id == losAngeles).Select(e => (e.Day, e.StartsAt)).Single()
        );
        Assert.Equal(new DateOnly(2024, 10, 7), inSeoul.Single(e => e.Visit.Id == seremban).Day);
        Assert.DoesNotContain(inSeoul, e => e.Visit.Id == losAngeles);
        Assert.Equal(
            (new DateOnly(2024, 11, 1), new TimeOnly(12, 0)),
            novemberInSeoul.Where(e => e.Visit.Id == losAngeles).Select(e => (e.Day, e.StartsAt)).Single()
        );
    }

    [Fact]
    public async Task Cancelled_visits_are_on_the_calendar_and_marked()
    {
        var id = await ScheduleAsync(
            "Cancelled City",
            new DateOnly(2030, 5, 6),
            new TimeOnly(14, 0),
            new TimeOnly(15, 0),
            VenueTime.Seoul,
            v => v.Cancel("Flights cancelled.")
        );

        var week = await portal.SendAsync(
            new GetVisitCalendar.Query(new DateOnly(2030, 5, 6), new DateOnly(2030, 5, 12))
        );

        Assert.True(Assert.Single(week, e => e.Visit.Id == id).IsCancelled);
    }

    [Fact]
    public async Task Calendar_refuses_ranges_longer_than_six_weeks()
    {
        await Assert.ThrowsAnyAsync<FluentValidation.ValidationException>(async () =>
            await portal.SendAsync(new GetVisitCalendar.Query(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)))
        );
    }

    [Fact]
    public async Task Ics_of_a_requested_visit_is_tentative_stamped_by_the_clock_and_numbered_by_its_version()
    {
        var id = await ScheduleAsync(
            "Puebla City",
            new DateOnly(2030, 2, 4),
            new TimeOnly(15, 0),
            new TimeOnly(16, 30),
            "America/Mexico_City"
        );
        await portal.WithDbAsync(async db =>
        {
            var visit = await db.Visits.SingleAsync(v => v.Id == id);
            visit.AddHost("Jeong-kee Kim", "Secretary General");
            return await db.SaveChangesAsync();
        });
        var version = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == id).Select(v => v.Version).SingleAsync()
        );

        var file = await ExportAsync(id, new DateTimeOffset(2029, 12, 1, 8, 30, 0, TimeSpan.Zero));

        Assert.Equal($"visit-{id}.ics", file.FileName);
        var calendar = IcsCalendar.Load(file.Content)!;
        var visitEvent = Assert.Single(calendar.Events);
        Assert.Equal("TENTATIVE", visitEvent.Status);
        Assert.Equal(new DateTime(2029, 12, 1, 8, 30, 0, DateTimeKind.Utc), visitEvent.DtStamp!.AsUtc);
        Assert.True(version > 0);
        Assert.Equal(version, visitEvent.Sequence);
        Assert.Equal("America/Mexico_City", visitEvent.DtStart!.TzId);
        Assert.Equal(new DateTime(2030, 2, 4, 21, 0, 0, DateTimeKind.Utc), visitEvent.DtStart.AsUtc);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Mexico_City");
        Assert.Contains(
            "Hosted by: Jeong-kee Kim, Secretary General",
            visitEvent.Description,
            StringComparison.Ordinal
        );
        Assert.Equal(new Uri($"https://portal.test/Visits/Details/{id}"), visitEvent.Url);
    }

    [Fact]
    public async Task Ics_of_a_cancelled_visit_says_cancelled_and_why()
    {
        var id = await ScheduleAsync(
            "Oaxaca City",
            new DateOnly(2030, 3, 4),
            new TimeOnly(10, 0),
            new TimeOnly(11, 0),
            VenueTime.Seoul,
            v => v.Cancel("The mayor's trip was postponed.")
        );

        var file = await ExportAsync(id, DateTimeOffset.UtcNow);

        var visitEvent = Assert.Single(IcsCalendar.Load(file.Content)!.Events);
        Assert.Equal("CANCELLED", visitEvent.Status);
        Assert.StartsWith(
            "CANCELLED: The mayor's trip was postponed.",
            visitEvent.Description,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Ics_follows_the_users_language()
    {
        var city = TestData.Unique("Seremban City Council");
        var id = await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });

        var file = await ExportAsync(id, DateTimeOffset.UtcNow, "es");

        Assert.Equal($"Visita de delegación: {city}", Assert.Single(IcsCalendar.Load(file.Content)!.Events).Summary);
    }

    [Fact]
    public async Task Unknown_visit_has_no_ics()
    {
        Assert.Null(await portal.SendAsync(new ExportVisitCalendar.Query(404_404)));
    }

    private async Task<ExportVisitCalendar.IcsFile> ExportAsync(int visitId, DateTimeOffset now, string language = "en")
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var handler = new ExportVisitCalendar.Handler(
                services.GetRequiredService<PortalDbContext>(),
                new FixedClock(now),
                services.GetRequiredService<IStringLocalizer<Messages>>()
            );
            return await handler.Handle(
                new ExportVisitCalendar.Query(visitId, new Uri("https://portal.test/")),
                CancellationToken.None
            ) ?? throw new InvalidOperationException($"No visit {visitId}");
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
