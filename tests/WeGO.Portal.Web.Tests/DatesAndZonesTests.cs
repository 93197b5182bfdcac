using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Dates and times no reader misreads (decision 0034): each language's style, the zone of the staff member's
/// profile (the Secretariat's until chosen), named; CSV in ISO 8601. The Seremban visit is 7 October 2024, 10:00 in
/// Seoul.</summary>
public sealed class DatesAndZonesTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public DatesAndZonesTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    private async Task<(string City, string List)> SerembanListAsync(PortalClient staff)
    {
        var city = TestData.Unique("Seremban City Council");
        await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });
        var list = WebUtility.HtmlDecode(await staff.GetPageAsync($"/Visits?Filter.Text={Uri.EscapeDataString(city)}"));
        return (city, list);
    }

    [Theory]
    [InlineData("en", "7 Oct 2024, 10:00", "times in Seoul")]
    [InlineData("es", "7 oct 2024, 10:00", "horas en Seoul")]
    [InlineData("ko", "2024. 10. 7. 10:00", "시간대: Seoul")]
    public async Task A_new_staff_member_reads_a_seoul_visit_in_the_secretariats_zone_in_their_language(
        string language,
        string when,
        string zone
    )
    {
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, language);

        var (_, list) = await SerembanListAsync(staff);

        Assert.Contains(when, list, StringComparison.Ordinal);
        Assert.Contains(zone, list, StringComparison.Ordinal);
        Assert.DoesNotContain("10/7/2024", list, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zone_chosen_in_the_profile_is_saved_and_every_list_uses_it()
    {
        var email = $"zone-{Guid.NewGuid():N}@tests.wego";
        await portal.CreateStaffAsync(email, PortalClient.NewStaffPassword, [Roles.SecretariatStaff]);
        var staff = PortalClient.For(portal);
        await staff.SignInAsync(email, PortalClient.NewStaffPassword);

        using var chosen = await staff.PostFormAsync(
            "/Account/TimeZone",
            [new("Input.TimeZoneId", "America/New_York")]
        );
        var (city, list) = await SerembanListAsync(staff);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(
                "America/New_York",
                await db.Users.Where(u => u.Email == email).Select(u => u.TimeZoneId).SingleAsync()
            );
        }

        // 10:00 in Seoul is 21:00 the evening before in New York; the visit's own time stays Seoul's on its page.
        Assert.Contains("6 Oct 2024, 21:00", list, StringComparison.Ordinal);
        Assert.Contains("times in New York", list, StringComparison.Ordinal);
        var csv = await staff.GetAsync($"/Visits?handler=Csv&Filter.Text={Uri.EscapeDataString(city)}");
        var rows = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("2024-10-06T21:00-04:00", rows, StringComparison.Ordinal);
        Assert.Contains("2024-10-07T10:00+09:00", rows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_zone_is_refused_and_the_profile_keeps_its_own()
    {
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);

        using var refused = await staff.PostFormAsync("/Account/TimeZone", [new("Input.TimeZoneId", "Mars/Olympus")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "Mars/Olympus",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        var (_, list) = await SerembanListAsync(staff);
        Assert.Contains("times in Seoul", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visits_history_names_the_zone_it_is_written_in()
    {
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);
        var id = await portal.ScheduleVisitAsync();

        var page = WebUtility.HtmlDecode(await staff.GetPageAsync($"/Visits/Details/{id}"));

        Assert.Matches(@"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(Seoul\)", page);
        Assert.DoesNotContain(" UTC", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "7 October 2024")]
    [InlineData("es", "7 de octubre de 2024")]
    [InlineData("ko", "2024년 10월 7일")]
    public void A_mail_writes_a_day_in_its_readers_style(string language, string day)
    {
        var text = Emails.Text("Programme.Changed", language, new DateTime(2024, 10, 7, 10, 0, 0), "x");

        Assert.Contains(day, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_programme_mail_names_the_venues_zone()
    {
        var programme = new Application.Visits.VisitProgramme.Programme
        {
            VisitId = 1,
            Version = 1,
            Status = Domain.Visits.VisitStatus.Confirmed,
            Organization = "Seremban City Council",
            Purpose = "",
            Venue = "WeGO Secretariat, Seoul",
            VenueAddress = null,
            DayContacts = null,
            TimeZoneId = Domain.Visits.VenueTime.Seoul,
            StartsAtUtc = new DateTime(2024, 10, 7, 1, 0, 0, DateTimeKind.Utc),
            EndsAtUtc = new DateTime(2024, 10, 7, 3, 0, 0, DateTimeKind.Utc),
            Agenda = [],
            ContactName = null,
            ContactEmail = null,
            ContactLanguage = "en",
            RosterDeadline = null,
            HasDelegationLink = false,
            ProgrammeSent = null,
            ProgrammeSentAtUtc = null,
        };

        Assert.Equal("7 October 2024, 10:00–12:00 (Asia/Seoul, UTC+09:00)", programme.When(Dates.Culture("en")));
    }

    [Theory]
    [InlineData("en", "7 Oct 2024", "10:00", "7 Oct 2024, 10:00")]
    [InlineData("es", "7 oct 2024", "10:00", "7 oct 2024, 10:00")]
    [InlineData("ko", "2024. 10. 7.", "10:00", "2024. 10. 7. 10:00")]
    public void Each_language_has_one_way_to_write_a_day_a_time_and_a_moment(
        string language,
        string day,
        string clock,
        string moment
    )
    {
        var culture = Dates.Culture(language);
        var local = new DateTime(2024, 10, 7, 10, 0, 0);

        Assert.Equal(day, Dates.Day(local, culture));
        Assert.Equal(clock, Dates.Clock(local, culture));
        Assert.Equal(moment, Dates.Moment(local, culture));
        Assert.Equal(day, local.ToString("d", culture));
        Assert.Equal(clock, local.ToString("t", culture));
        Assert.Equal(
            CultureInfo.GetCultureInfo(language).NumberFormat.NumberDecimalSeparator,
            culture.NumberFormat.NumberDecimalSeparator
        );
    }
}
