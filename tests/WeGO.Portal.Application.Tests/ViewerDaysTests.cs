using System.Text;
using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Every list filters and groups by the days it shows, and it shows them in the viewer's time zone: a visit
/// listed on 6 April is found by filtering on 6 April, whatever day it is in Seoul.</summary>
public sealed class ViewerDaysTests : IDisposable
{
    private const string MexicoCity = "America/Mexico_City";
    private const string Madrid = "Europe/Madrid";
    private const string Utc = "Etc/UTC";

    // 7 April 2025, 03:00 UTC: 12:00 on 7 April in Seoul, 21:00 on 6 April in Mexico City.
    private readonly ClockedPortal portal = (ClockedPortal)
        new ClockedPortal(new FixedClock(new DateTimeOffset(2025, 4, 7, 3, 0, 0, TimeSpan.Zero)))
        {
            SeedDemo = false,
        }.Start();

    public void Dispose() => portal.Dispose();

    private async Task<int> ScheduleAsync(string city, string country, DateOnly date, TimeOnly start, string zone) => (
            await portal.SendAsync(
                new ScheduleVisit.Command
                {
                    OrganizationName = city,
                    CountryCode = country,
                    Purpose = "Exchange",
                    Date = date,
                    StartTime = start,
                    EndTime = start.AddHours(1),
                    TimeZoneId = zone,
                    Venue = "City hall",
                    OtherHostName = "Host",
                    ScheduleDespiteConflicts = true,
                    CreateNewOrganization = true,
                }
            )
        ).VisitId!.Value;

    private Task<ListVisits.Result> ListAsync(string zone, DateOnly day) =>
        portal.SendAsAsync(
            Colleague.ViewingIn(zone),
            new ListVisits.Query(new ListVisits.Filter { From = day, To = day })
        );

    [Fact]
    public async Task A_visit_is_found_on_the_day_the_list_shows_it_in_the_viewers_zone()
    {
        // 6 April 10:00 in Mexico City is 7 April 01:00 in Seoul; 26 October 01:30 in Madrid is 25 October 23:30 UTC.
        var mexico = await ScheduleAsync(
            "Ciudad de México",
            "MX",
            new DateOnly(2025, 4, 6),
            new TimeOnly(10, 0),
            MexicoCity
        );
        var madrid = await ScheduleAsync("Madrid", "ES", new DateOnly(2025, 10, 26), new TimeOnly(1, 30), Madrid);

        Assert.Equal([mexico], (await ListAsync(MexicoCity, new DateOnly(2025, 4, 6))).Rows.Select(r => r.Id));
        Assert.Empty((await ListAsync(MexicoCity, new DateOnly(2025, 4, 7))).Rows);
        Assert.Equal([mexico], (await ListAsync("Asia/Seoul", new DateOnly(2025, 4, 7))).Rows.Select(r => r.Id));
        Assert.Equal([madrid], (await ListAsync(Utc, new DateOnly(2025, 10, 25))).Rows.Select(r => r.Id));
        Assert.Empty((await ListAsync(Utc, new DateOnly(2025, 10, 26))).Rows);
        Assert.Equal([madrid], (await ListAsync(Madrid, new DateOnly(2025, 10, 26))).Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task The_export_keeps_the_lists_rows_and_writes_unambiguous_times_in_the_viewers_zone_and_the_venues()
    {
        await ScheduleAsync("Madrid", "ES", new DateOnly(2025, 10, 26), new TimeOnly(1, 30), Madrid);

        var csv = await portal.SendAsAsync(
            Colleague.ViewingIn(Utc),
            new ExportVisits.Query(
                new ListVisits.Filter { From = new DateOnly(2025, 10, 25), To = new DateOnly(2025, 10, 25) }
            )
        );

        var lines = Encoding
            .UTF8.GetString(csv, 3, csv.Length - 3)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(
            "Id,City,Country,Region,Starts (Etc/UTC),Ends (Etc/UTC),Starts at the venue,Venue time zone,",
            lines[0],
            StringComparison.Ordinal
        );
        Assert.Equal(2, lines.Length);
        var fields = lines[1].Split(',');
        Assert.Equal(
            ("2025-10-25T23:30+00:00", "2025-10-26T01:30+02:00", "Europe/Madrid"),
            (fields[4], fields[6], fields[7])
        );
    }

    [Fact]
    public async Task The_calendar_puts_a_visit_on_the_viewers_day_at_the_viewers_time()
    {
        var madrid = await ScheduleAsync("Madrid", "ES", new DateOnly(2025, 10, 26), new TimeOnly(1, 30), Madrid);

        var utcDay = await portal.SendAsAsync(
            Colleague.ViewingIn(Utc),
            new GetVisitCalendar.Query(new DateOnly(2025, 10, 25), new DateOnly(2025, 10, 25))
        );
        var madridDay = await portal.SendAsAsync(
            Colleague.ViewingIn(Madrid),
            new GetVisitCalendar.Query(new DateOnly(2025, 10, 26), new DateOnly(2025, 10, 26))
        );
        var utcNextDay = await portal.SendAsAsync(
            Colleague.ViewingIn(Utc),
            new GetVisitCalendar.Query(new DateOnly(2025, 10, 26), new DateOnly(2025, 10, 26))
        );

        var entry = Assert.Single(utcDay);
        Assert.Equal(
            (madrid, new DateOnly(2025, 10, 25), new TimeOnly(23, 30)),
            (entry.Visit.Id, entry.Day, entry.StartsAt)
        );
        Assert.Equal(new TimeOnly(1, 30), Assert.Single(madridDay).StartsAt);
        Assert.Empty(utcNextDay);
    }

    [Fact]
    public async Task Dashboard_months_are_the_viewers_months_on_either_side_of_a_clock_change()
    {
        // Just after midnight on the 1st in Madrid is still the previous month in UTC, in summer (+2) and in winter
        // (+1).
        await ScheduleAsync("Madrid", "ES", new DateOnly(2024, 8, 1), new TimeOnly(0, 30), Madrid);
        await ScheduleAsync("Sevilla", "ES", new DateOnly(2024, 7, 31), new TimeOnly(22, 30), Madrid);
        await ScheduleAsync("Valencia", "ES", new DateOnly(2024, 11, 1), new TimeOnly(0, 30), Madrid);

        var dashboard = await portal.SendAsAsync(
            Colleague.ViewingIn(Madrid),
            new GetDashboard.Query { From = new DateOnly(2024, 7, 1), To = new DateOnly(2024, 11, 30) }
        );

        Assert.Equal(
            [(7, 1), (8, 1), (9, 0), (10, 0), (11, 1)],
            dashboard.VisitsPerMonth.Select(m => (m.Month, m.Visits))
        );
        var inUtc = await portal.SendAsAsync(
            Colleague.ViewingIn(Utc),
            new GetDashboard.Query { From = new DateOnly(2024, 7, 1), To = new DateOnly(2024, 11, 30) }
        );
        Assert.Equal([(7, 2), (8, 0), (9, 0), (10, 1), (11, 0)], inUtc.VisitsPerMonth.Select(m => (m.Month, m.Visits)));
    }

    [Fact]
    public async Task A_follow_up_due_today_in_the_viewers_zone_is_not_overdue_for_them()
    {
        var visit = await ScheduleAsync(
            "Ciudad de México",
            "MX",
            new DateOnly(2025, 4, 1),
            new TimeOnly(10, 0),
            MexicoCity
        );
        await portal.SendAsync(
            new AddFollowUp.Command
            {
                VisitId = visit,
                Description = "Send the minutes",
                OwnerName = "Ana",
                DueOn = new DateOnly(2025, 4, 6),
            }
        );

        var inSeoul = await portal.SendAsAsync(Colleague.ViewingIn("Asia/Seoul"), new ListOverdueFollowUps.Query());
        var inMexico = await portal.SendAsAsync(Colleague.ViewingIn(MexicoCity), new ListOverdueFollowUps.Query());

        Assert.Equal((1, new DateOnly(2025, 4, 7)), (inSeoul.TotalCount, inSeoul.Today));
        Assert.Equal((0, new DateOnly(2025, 4, 6)), (inMexico.TotalCount, inMexico.Today));
    }

    [Fact]
    public async Task Inquiries_are_filtered_and_exported_by_the_viewers_day()
    {
        // Sent at 16:00 UTC on 6 April: 10:00 that day in Mexico City, 01:00 on 7 April in Seoul.
        portal.Clock.Now = new DateTimeOffset(2025, 4, 6, 16, 0, 0, TimeSpan.Zero);
        await portal.SendAsync(SubmitMembershipInquiryTests.Seremban("Ciudad de México") with { CountryCode = "MX" });
        var sixth = new ListInquiries.Filter { From = new DateOnly(2025, 4, 6), To = new DateOnly(2025, 4, 6) };

        var inMexico = await portal.SendAsAsync(Colleague.ViewingIn(MexicoCity), new ListInquiries.Query(sixth));
        var inSeoul = await portal.SendAsAsync(Colleague.ViewingIn("Asia/Seoul"), new ListInquiries.Query(sixth));
        var csv = Encoding.UTF8.GetString(
            await portal.SendAsAsync(Colleague.ViewingIn(MexicoCity), new ExportInquiries.Query(sixth))
        );

        Assert.Equal(1, inMexico.TotalCount);
        Assert.Equal(0, inSeoul.TotalCount);
        Assert.Contains("Submitted (America/Mexico_City)", csv, StringComparison.Ordinal);
        Assert.Contains(",2025-04-06T10:00-06:00,Ciudad de México,", csv, StringComparison.Ordinal);
    }

    public static TheoryData<DashboardPreset, DateOnly, DateOnly, DateOnly> Periods() =>
        new()
        {
            // The day: the last 12 months end today and begin the day after a year ago; nothing in the future.
            { DashboardPreset.Last12Months, new(2026, 12, 4), new(2025, 12, 5), new(2026, 12, 4) },
            { DashboardPreset.Last12Months, new(2027, 1, 1), new(2026, 1, 2), new(2027, 1, 1) },
            { DashboardPreset.Last12Months, new(2026, 12, 31), new(2026, 1, 1), new(2026, 12, 31) },
            { DashboardPreset.Last12Months, new(2027, 3, 1), new(2026, 3, 2), new(2027, 3, 1) },
            { DashboardPreset.Last12Months, new(2028, 2, 29), new(2027, 3, 1), new(2028, 2, 29) },
            { DashboardPreset.Last12Months, new(2026, 1, 31), new(2025, 2, 1), new(2026, 1, 31) },
            { DashboardPreset.ThisYear, new(2027, 1, 1), new(2027, 1, 1), new(2027, 12, 31) },
            { DashboardPreset.ThisYear, new(2026, 12, 31), new(2026, 1, 1), new(2026, 12, 31) },
            { DashboardPreset.LastYear, new(2027, 1, 1), new(2026, 1, 1), new(2026, 12, 31) },
            { DashboardPreset.LastYear, new(2026, 12, 31), new(2025, 1, 1), new(2025, 12, 31) },
        };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Each_dashboard_period_covers_what_its_name_says(
        DashboardPreset preset,
        DateOnly today,
        DateOnly from,
        DateOnly to
    )
    {
        var period = GetDashboard.PeriodOf(new GetDashboard.Query { Preset = preset }, today);

        Assert.Equal((from, to), period);
    }

    [Fact]
    public void Without_a_preset_or_dates_the_dashboard_shows_the_last_12_months()
    {
        Assert.Equal(
            GetDashboard.PeriodOf(
                new GetDashboard.Query { Preset = DashboardPreset.Last12Months },
                new DateOnly(2026, 12, 4)
            ),
            GetDashboard.PeriodOf(new GetDashboard.Query(), new DateOnly(2026, 12, 4))
        );
    }
}
