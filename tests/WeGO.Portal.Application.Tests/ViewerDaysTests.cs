using System.Globalization;
using System.Text;
using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Every list filters and groups by the days it shows, and it shows them in the viewer's time zone: a visit
/// listed on 6 April is found by filtering on 6 April, whatever day it is in Seoul. The tests share one portal: each
/// looks only at the visits it scheduled, or counts relative to before.</summary>
public sealed class ViewerDaysTests(ViewerDaysTests.Portal shared) : IClassFixture<ViewerDaysTests.Portal>
{
    private const string MexicoCity = "America/Mexico_City";
    private const string Madrid = "Europe/Madrid";
    private const string Utc = "Etc/UTC";

    // 7 April 2025, 03:00 UTC: 12:00 on 7 April in Seoul, 21:00 on 6 April in Mexico City.
    private static readonly DateTimeOffset NoonSeventhAprilSeoul = new(2025, 4, 7, 3, 0, 0, TimeSpan.Zero);

    /// <summary>The class's portal. Its clock is shared: a test that reads "today" or "now" sets it first (the tests of
    /// a class never run at the same time).</summary>
    public sealed class Portal : IDisposable
    {
        internal ClockedPortal Clocked { get; } =
            (ClockedPortal)new ClockedPortal(new FixedClock(NoonSeventhAprilSeoul)).Start();

        public void Dispose() => Clocked.Dispose();
    }

    private readonly ClockedPortal portal = shared.Clocked;

    private Task<int> ScheduleAsync(string city, string country, DateOnly date, TimeOnly start, string zone) =>
        portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = TestData.Unique(city),
                LocalName = null,
                CountryCode = country,
                Purpose = "Exchange",
                Date = date,
                StartTime = start,
                EndTime = start.AddHours(1),
                TimeZoneId = zone,
                Venue = "City hall",
            }
        );

    /// <summary>Of the visits listed on <paramref name="day"/> for a viewer in <paramref name="zone"/>, those in
    /// <paramref name="ours"/>.</summary>
    private async Task<IEnumerable<int>> ListedAsync(string zone, DateOnly day, params int[] ours) =>
        (await ListAsync(zone, day)).Rows.Select(r => r.Id).Where(ours.Contains);

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

        Assert.Equal([mexico], await ListedAsync(MexicoCity, new DateOnly(2025, 4, 6), mexico, madrid));
        Assert.Empty(await ListedAsync(MexicoCity, new DateOnly(2025, 4, 7), mexico, madrid));
        Assert.Equal([mexico], await ListedAsync("Asia/Seoul", new DateOnly(2025, 4, 7), mexico, madrid));
        Assert.Equal([madrid], await ListedAsync(Utc, new DateOnly(2025, 10, 25), mexico, madrid));
        Assert.Empty(await ListedAsync(Utc, new DateOnly(2025, 10, 26), mexico, madrid));
        Assert.Equal([madrid], await ListedAsync(Madrid, new DateOnly(2025, 10, 26), mexico, madrid));
    }

    [Fact]
    public async Task The_export_keeps_the_lists_rows_and_writes_unambiguous_times_in_the_viewers_zone_and_the_venues()
    {
        var madrid = await ScheduleAsync("Madrid", "ES", new DateOnly(2025, 10, 26), new TimeOnly(1, 30), Madrid);
        var day = new DateOnly(2025, 10, 25);

        var csv = await portal.SendAsAsync(
            Colleague.ViewingIn(Utc),
            new ExportVisits.Query(new ListVisits.Filter { From = day, To = day })
        );
        var listed = await ListAsync(Utc, day);

        var lines = Encoding
            .UTF8.GetString(csv, 3, csv.Length - 3)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(
            "Id,City,Country,Region,Starts (Etc/UTC),Ends (Etc/UTC),Starts at the venue,Venue time zone,",
            lines[0],
            StringComparison.Ordinal
        );
        Assert.Contains(madrid, listed.Rows.Select(r => r.Id));
        Assert.Equal(listed.Rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)), lines[1..].Select(IdOf));
        var fields = lines.Single(l => IdOf(l) == madrid.ToString(CultureInfo.InvariantCulture)).Split(',');
        Assert.Equal(
            ("2025-10-25T23:30+00:00", "2025-10-26T01:30+02:00", "Europe/Madrid"),
            (fields[4], fields[6], fields[7])
        );

        static string IdOf(string line) => line.Split(',')[0];
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

        var entry = Assert.Single(utcDay, e => e.Visit.Id == madrid);
        Assert.Equal((new DateOnly(2025, 10, 25), new TimeOnly(23, 30)), (entry.Day, entry.StartsAt));
        Assert.Equal(new TimeOnly(1, 30), Assert.Single(madridDay, e => e.Visit.Id == madrid).StartsAt);
        Assert.DoesNotContain(utcNextDay, e => e.Visit.Id == madrid);
    }

    [Fact]
    public async Task Dashboard_months_are_the_viewers_months_on_either_side_of_a_clock_change()
    {
        // Just after midnight on the 1st in Madrid is still the previous month in UTC, in summer (+2) and in winter
        // (+1). The months are counted relative to before: other tests' visits may fall in them too.
        var period = new GetDashboard.Query { From = new DateOnly(2024, 7, 1), To = new DateOnly(2024, 11, 30) };
        var madridBefore = (await VisitsPerMonthAsync(Madrid, period)).ToDictionary(m => m.Month, m => m.Visits);
        var utcBefore = (await VisitsPerMonthAsync(Utc, period)).ToDictionary(m => m.Month, m => m.Visits);

        await ScheduleAsync("Madrid", "ES", new DateOnly(2024, 8, 1), new TimeOnly(0, 30), Madrid);
        await ScheduleAsync("Sevilla", "ES", new DateOnly(2024, 7, 31), new TimeOnly(22, 30), Madrid);
        await ScheduleAsync("Valencia", "ES", new DateOnly(2024, 11, 1), new TimeOnly(0, 30), Madrid);

        var inMadrid = await VisitsPerMonthAsync(Madrid, period);
        var inUtc = await VisitsPerMonthAsync(Utc, period);
        Assert.Equal(
            [(7, 1), (8, 1), (9, 0), (10, 0), (11, 1)],
            inMadrid.Select(m => (m.Month, m.Visits - madridBefore[m.Month]))
        );
        Assert.Equal(
            [(7, 2), (8, 0), (9, 0), (10, 1), (11, 0)],
            inUtc.Select(m => (m.Month, m.Visits - utcBefore[m.Month]))
        );
    }

    private async Task<IReadOnlyList<(int Month, int Visits)>> VisitsPerMonthAsync(
        string zone,
        GetDashboard.Query period
    ) =>
        [
            .. (await portal.SendAsAsync(Colleague.ViewingIn(zone), period)).VisitsPerMonth.Select(m =>
                (m.Month, m.Visits)
            ),
        ];

    [Fact]
    public async Task A_follow_up_due_today_in_the_viewers_zone_is_not_overdue_for_them()
    {
        portal.Clock.Now = NoonSeventhAprilSeoul;
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

        Assert.Equal(new DateOnly(2025, 4, 7), inSeoul.Today);
        Assert.Contains(inSeoul.Rows, r => r.VisitId == visit);
        Assert.Equal(new DateOnly(2025, 4, 6), inMexico.Today);
        Assert.DoesNotContain(inMexico.Rows, r => r.VisitId == visit);
    }

    [Fact]
    public async Task Inquiries_are_filtered_and_exported_by_the_viewers_day()
    {
        // Sent at 16:00 UTC on 6 April: 10:00 that day in Mexico City, 01:00 on 7 April in Seoul.
        portal.Clock.Now = new DateTimeOffset(2025, 4, 6, 16, 0, 0, TimeSpan.Zero);
        var city = TestData.Unique("Ciudad de México");
        await portal.SendAsync(SubmitMembershipInquiryTests.Seremban(city) with { CountryCode = "MX" });
        var sixth = new ListInquiries.Filter { From = new DateOnly(2025, 4, 6), To = new DateOnly(2025, 4, 6) };

        var inMexico = await portal.SendAsAsync(Colleague.ViewingIn(MexicoCity), new ListInquiries.Query(sixth));
        var inSeoul = await portal.SendAsAsync(Colleague.ViewingIn("Asia/Seoul"), new ListInquiries.Query(sixth));
        var csv = Encoding.UTF8.GetString(
            await portal.SendAsAsync(Colleague.ViewingIn(MexicoCity), new ExportInquiries.Query(sixth))
        );

        Assert.Single(inMexico.Rows, r => r.OrganizationName == city);
        Assert.DoesNotContain(inSeoul.Rows, r => r.OrganizationName == city);
        Assert.Contains("Submitted (America/Mexico_City)", csv, StringComparison.Ordinal);
        Assert.Contains($",2025-04-06T10:00-06:00,{city},", csv, StringComparison.Ordinal);
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
