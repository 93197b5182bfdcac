using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;
using IcsCalendar = Ical.Net.Calendar;

namespace WeGO.Portal.Web.Tests;

/// <summary>The calendar pages, the .ics download and the feed, on visits each test schedules for itself.</summary>
public sealed partial class CalendarTests : IClassFixture<PortalFactory>
{
    private const string StaffPassword = "Staff-Password-2024";
    private readonly PortalFactory portal;

    public CalendarTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    private async Task<PortalClient> SignedInAsync(string email, params string[] roles)
    {
        await portal.CreateStaffAsync(email, StaffPassword, roles);
        var client = PortalClient.For(portal);
        await client.SignInAsync(email, StaffPassword);
        return client;
    }

    /// <summary>The markup of one day on the calendar, up to the next day.</summary>
    private static string Day(string page, string isoDate)
    {
        var start = page.IndexOf($"id=\"day-{isoDate}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The calendar shows {isoDate}");
        var end = page.IndexOf("id=\"day-", start + 1, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private static string FeedPath(string calendarPage)
    {
        var address = WebUtility.HtmlDecode(FeedAddress().Match(calendarPage).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(address), "The calendar page shows the subscription address");
        return new Uri(address).PathAndQuery;
    }

    private static string Link(int visitId) => $"href=\"/Visits/Details/{visitId}\"";

    /// <summary>The markup of one visit's entry in a day of the calendar (other tests' visits share the day).</summary>
    private static string Entry(string day, int visitId)
    {
        var start = day.IndexOf(Link(visitId), StringComparison.Ordinal);
        Assert.True(start >= 0, $"The day shows visit {visitId}");
        return day[start..day.IndexOf("</a>", start, StringComparison.Ordinal)];
    }

    /// <summary>A visit of the Ecuadorian city, 9:30-11:00 on <paramref name="date"/> in <paramref name="timeZoneId"/>,
    /// as staff first schedule it (requested).</summary>
    private Task<int> ScheduleVisitAsync(string city, DateOnly date, string timeZoneId) =>
        portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = TestData.Unique(city),
                LocalName = null,
                CountryCode = "EC",
                Purpose = "Study visit on open data",
                Date = date,
                StartTime = new TimeOnly(9, 30),
                EndTime = new TimeOnly(11, 0),
                TimeZoneId = timeZoneId,
            }
        );

    private static DateOnly SeoulToday => DateOnly.FromDateTime(VenueTime.ToLocal(DateTime.UtcNow, VenueTime.Seoul));

    /// <summary>The Seremban visit as it was held (agenda, confirmed, completed) for a city of its own.</summary>
    private async Task<(int Id, string City)> HeldVisitAsync()
    {
        var city = TestData.Unique("Seremban City Council");
        return (await portal.ScheduleHeldVisitForPagesAsync(c => c with { OrganizationName = city }), city);
    }

    [Fact]
    public async Task Staff_member_downloads_the_Seremban_visit_as_ics_in_Seoul_time()
    {
        var (id, city) = await HeldVisitAsync();
        var client = await SignedInAsync("ics.staff@tests.wego", Roles.SecretariatStaff);

        using var response = await client.GetAsync($"/Visits/Details/{id}?handler=Ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"visit-{id}.ics", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Seoul:20241007T100000\r\n", text, StringComparison.Ordinal);

        var calendar = IcsCalendar.Load(text)!;
        var visit = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2024, 10, 7, 1, 0, 0, DateTimeKind.Utc), visit.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2024, 10, 7, 3, 0, 0, DateTimeKind.Utc), visit.DtEnd!.AsUtc);
        Assert.Equal("Asia/Seoul", visit.DtStart.TzId);
        Assert.Contains(calendar.TimeZones, zone => zone.TzId == "Asia/Seoul");
        Assert.Equal($"visit-{id}@wego-portal", visit.Uid);
        Assert.Equal($"Delegation visit: {city}", visit.Summary);
        Assert.Equal("WeGO Secretariat, Seoul", visit.Location);
        Assert.Equal("CONFIRMED", visit.Status);
        Assert.Contains("Head of delegation: Lee Kai Yet", visit.Description, StringComparison.Ordinal);
        Assert.Contains("Delegates: 36", visit.Description, StringComparison.Ordinal);
        Assert.Contains("Jeong-kee Kim", visit.Description, StringComparison.Ordinal);
        Assert.Contains("10:00-10:15 Welcome address", visit.Description, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(calendar.ProductId));
        Assert.NotNull(visit.DtStamp);
        Assert.Equal(
            await portal.WithDbAsync(db => db.Visits.Where(v => v.Id == id).Select(v => v.Version).SingleAsync()),
            visit.Sequence
        );
    }

    [Fact]
    public async Task Visit_page_offers_the_ics_download()
    {
        var id = await portal.ScheduleVisitAsync();
        var client = await SignedInAsync("ics.button@tests.wego", Roles.SecretariatStaff);

        var page = await client.GetPageAsync($"/Visits/Details/{id}");

        Assert.Contains($"href=\"/Visits/Details/{id}?handler=Ics\"", page, StringComparison.Ordinal);
        Assert.Contains("Add to calendar (.ics)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_download_a_visit_calendar()
    {
        var id = await portal.ScheduleVisitAsync();

        using var response = await PortalClient.For(portal).GetAsync($"/Visits/Details/{id}?handler=Ics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Month_view_of_October_2024_shows_the_Seremban_visit_on_the_7th()
    {
        var (id, city) = await HeldVisitAsync();
        var client = await SignedInAsync("month@tests.wego", Roles.SecretariatStaff);

        var page = await client.GetPageAsync("/Visits/Calendar?date=2024-10-15");

        Assert.Contains("October 2024", page, StringComparison.Ordinal);
        var seremban = Entry(Day(page, "2024-10-07"), id);
        Assert.Contains(city, seremban, StringComparison.Ordinal);
        Assert.Contains("10:00", seremban, StringComparison.Ordinal);
        Assert.Contains("Completed", seremban, StringComparison.Ordinal);
        Assert.DoesNotContain(Link(id), Day(page, "2024-10-06"), StringComparison.Ordinal);
        Assert.DoesNotContain(Link(id), Day(page, "2024-10-08"), StringComparison.Ordinal);
        // Weeks start on Monday: the grid opens on Monday 30 September and closes on Sunday 3 November.
        Assert.True(
            page.IndexOf("id=\"day-2024-09-30\"", StringComparison.Ordinal)
                < page.IndexOf("id=\"day-2024-10-01\"", StringComparison.Ordinal)
        );
        Assert.DoesNotContain("id=\"day-2024-09-29\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"day-2024-11-03\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"day-2024-11-04\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Visits/Calendar?date=2024-09-01\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Visits/Calendar?date=2024-11-01\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Week_view_shows_the_visit_in_its_week_from_Monday()
    {
        var id = await portal.ScheduleVisitAsync();
        var client = await SignedInAsync("week@tests.wego", Roles.SecretariatStaff);

        var page = await client.GetPageAsync("/Visits/Calendar?view=week&date=2024-10-09");

        Assert.Contains("36 delegates", Entry(Day(page, "2024-10-07"), id), StringComparison.Ordinal);
        Assert.Contains("id=\"day-2024-10-13\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"day-2024-10-06\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"day-2024-10-14\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Visits/Calendar?view=week&amp;date=2024-09-30\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Visits/Calendar?view=week&amp;date=2024-10-14\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_without_a_date_opens_on_this_month_with_today_marked()
    {
        var client = await SignedInAsync("today@tests.wego", Roles.SecretariatStaff);

        var page = await client.GetPageAsync("/Visits/Calendar");

        Assert.Contains("aria-current=\"date\"", Day(page, CalendarDate(SeoulToday)), StringComparison.Ordinal);
        Assert.Single(TodayMarks().Matches(page));
    }

    [Fact]
    public async Task Calendar_speaks_the_users_language()
    {
        var (id, _) = await HeldVisitAsync();
        await portal.CreateStaffAsync("korean@tests.wego", StaffPassword, Roles.SecretariatStaff);
        var client = PortalClient.For(portal, "ko-KR");
        await client.SignInAsync("korean@tests.wego", StaffPassword);

        var page = await client.GetPageAsync("/Visits/Calendar?date=2024-10-07");

        Assert.Contains("2024년 10월", page, StringComparison.Ordinal);
        Assert.Contains("<div>월</div>", page, StringComparison.Ordinal);
        Assert.Contains("완료됨", Entry(Day(page, "2024-10-07"), id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_visits_stay_on_the_calendar_marked_as_cancelled()
    {
        var date = new DateOnly(2031, 3, 12);
        var id = await ScheduleVisitAsync("Cuenca Cancelled Visit", date, VenueTime.Seoul);
        await portal.CancelVisitForPagesAsync(id);
        var client = await SignedInAsync("cancelled@tests.wego", Roles.SecretariatStaff);

        var day = Day(await client.GetPageAsync("/Visits/Calendar?date=2031-03-01"), "2031-03-12");

        Assert.Contains(
            $"calendar-visit calendar-visit-cancelled\" href=\"/Visits/Details/{id}\"",
            day,
            StringComparison.Ordinal
        );
        Assert.Contains("Cancelled", day, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_director_reads_the_calendar_and_finds_it_in_the_menu()
    {
        var id = await portal.ScheduleVisitAsync();
        var client = await SignedInAsync("calendar.director@tests.wego", Roles.ProgramDirector);

        var home = await client.GetPageAsync("/");
        var page = await client.GetPageAsync("/Visits/Calendar?date=2024-10-07");
        using var ics = await client.GetAsync($"/Visits/Details/{id}?handler=Ics");

        Assert.Contains("href=\"/Visits/Calendar\"", home, StringComparison.Ordinal);
        Assert.Contains(Link(id), Day(page, "2024-10-07"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
    }

    [Fact]
    public async Task Users_without_a_staff_role_get_no_calendar()
    {
        var client = await SignedInAsync("calendar.norole@tests.wego");

        using var response = await client.GetAsync("/Visits/Calendar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("href=\"/Visits/Calendar\"", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_from_the_calendar_page_lists_the_visits_of_the_coming_months_without_signing_in()
    {
        var soon = await ScheduleVisitAsync("Quito Feed Visit", SeoulToday.AddDays(30), "America/Guayaquil");
        var longAgo = await ScheduleVisitAsync("Guayaquil Past Visit", SeoulToday.AddDays(-120), VenueTime.Seoul);
        var client = await SignedInAsync("feed.reader@tests.wego", Roles.SecretariatStaff);
        var feed = FeedPath(await client.GetPageAsync("/Visits/Calendar"));

        using var response = await PortalClient.For(portal).GetAsync(feed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var calendar = IcsCalendar.Load(await response.Content.ReadAsStringAsync())!;
        var visit = Assert.Single(calendar.Events, e => e.Uid == $"visit-{soon}@wego-portal");
        Assert.Equal("America/Guayaquil", visit.DtStart!.TzId);
        Assert.Equal(
            VenueTime.ToUtc(SeoulToday.AddDays(30), new TimeOnly(9, 30), "America/Guayaquil"),
            visit.DtStart.AsUtc
        );
        Assert.Contains(calendar.TimeZones, zone => zone.TzId == "America/Guayaquil");
        Assert.DoesNotContain(calendar.Events, e => e.Uid == $"visit-{longAgo}@wego-portal");
        Assert.Equal("TENTATIVE", visit.Status);
    }

    [Fact]
    public async Task Tampered_or_made_up_feed_tokens_get_404()
    {
        var client = await SignedInAsync("feed.tamper@tests.wego", Roles.SecretariatStaff);
        var feed = FeedPath(await client.GetPageAsync("/Visits/Calendar"));
        var at = feed.Length - 10;
        var tampered = feed[..at] + (feed[at] == 'A' ? 'B' : 'A') + feed[(at + 1)..];

        using var changed = await PortalClient.For(portal).GetAsync(tampered);
        using var madeUp = await PortalClient.For(portal).GetAsync("/calendar/feed/not-a-token.ics");

        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
    }

    [Fact]
    public async Task Feed_stops_working_when_the_users_security_stamp_changes()
    {
        var client = await SignedInAsync("feed.revoked@tests.wego", Roles.SecretariatStaff);
        var feed = FeedPath(await client.GetPageAsync("/Visits/Calendar"));
        using (var before = await PortalClient.For(portal).GetAsync(feed))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await WithUserAsync("feed.revoked@tests.wego", (users, user) => users.UpdateSecurityStampAsync(user));

        using var after = await PortalClient.For(portal).GetAsync(feed);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Feed_stops_working_when_the_user_loses_every_staff_role()
    {
        var client = await SignedInAsync("feed.demoted@tests.wego", Roles.SecretariatStaff);
        var feed = FeedPath(await client.GetPageAsync("/Visits/Calendar"));

        // Removing a role without touching the stamp: the feed still checks the roles of today.
        await portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "feed.demoted@tests.wego");
            db.UserRoles.RemoveRange(db.UserRoles.Where(r => r.UserId == user.Id));
            return await db.SaveChangesAsync();
        });

        using var after = await PortalClient.For(portal).GetAsync(feed);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Feed_tokens_stay_out_of_the_logs()
    {
        var client = await SignedInAsync("feed.logs@tests.wego", Roles.SecretariatStaff);
        var feed = FeedPath(await client.GetPageAsync("/Visits/Calendar"));
        var token = feed["/calendar/feed/".Length..^".ics".Length];

        using (var response = await PortalClient.For(portal).GetAsync(feed))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The log is written behind a queue: wait for the request's line (progress: the files' length).
        var logs = "";
        await Patiently.UntilAsync(
            "the feed request's line in the JSON log file",
            () =>
                string.Concat(
                    Directory.EnumerateFiles(Path.Combine(portal.DataDirectory, "logs")).Select(f => LiveFile.Read(f))
                ),
            all =>
            {
                logs = all;
                return all.Contains("/calendar/feed/***.ics", StringComparison.Ordinal);
            },
            progress: all => all.Length
        );
        Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
    }

    private async Task WithUserAsync(string email, Func<UserManager<StaffUser>, StaffUser, Task<IdentityResult>> change)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        Assert.True((await change(users, user)).Succeeded);
    }

    private static string CalendarDate(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("id=\"feed-address\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FeedAddress();

    [GeneratedRegex("aria-current=\"date\"")]
    private static partial Regex TodayMarks();
}
