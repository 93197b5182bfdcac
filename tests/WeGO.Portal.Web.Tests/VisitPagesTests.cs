using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The visit pages over HTTP; each test schedules its visits under city names no other test uses.</summary>
public sealed partial class VisitPagesTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public VisitPagesTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    private Task<PortalClient> SignedInAsync(string role, string? language = null) =>
        PortalClient.NewStaffSignedInAsync(portal, role, language);

    private static List<KeyValuePair<string, string>> Plan(
        string city,
        string date,
        string start = "14:00",
        string end = "15:00",
        string venue = "Seoul Global Center"
    ) =>
        [
            new("Input.OrganizationName", city),
            new("Input.CountryCode", "KR"),
            new("Input.Kind", "LocalGovernment"),
            new("Input.Purpose", "Smart-city exchange"),
            new("Input.Date", date),
            new("Input.StartTime", start),
            new("Input.EndTime", end),
            new("Input.TimeZoneId", "Asia/Seoul"),
            new("Input.Venue", venue),
            new("Input.OtherHostName", "Lii Inn Tan"),
            new("Input.HeadOfDelegation", "Mayor"),
            new("Input.ExpectedHeadcount", "8"),
        ];

    [Fact]
    public async Task Staff_schedule_a_visit_through_the_form_and_land_on_its_page()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);

        using var posted = await staff.PostFormAsync("/Visits/Schedule", Plan("Suwon Special City", "2026-12-10"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await staff.GetPageAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("Suwon Special City", page, StringComparison.Ordinal);
        Assert.Contains("The visit is scheduled.", page, StringComparison.Ordinal);
        Assert.Contains("Requested", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_are_shown_in_Korean_next_to_each_field_and_typed_values_are_kept()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff, "ko");
        var fields = Plan("Incheon", "").Where(f => f.Key is not ("Input.Venue" or "Input.OtherHostName")).ToList();

        using var response = await staff.PostFormAsync("/Visits/Schedule", fields);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"Incheon\"", page, StringComparison.Ordinal);
        Assert.Matches(
            "id=\"Input_Date\"[^>]*>\\s*<div class=\"invalid-feedback\" id=\"Input_Date-error\">[^<]*날짜",
            page
        );
        Assert.Matches(
            "id=\"Input_Venue\"[^>]*>\\s*<div class=\"invalid-feedback\" id=\"Input_Venue-error\">[^<]*장소",
            page
        );
        Assert.Contains("주최자를 한 명 이상 선택하세요.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_booking_is_shown_with_the_other_visit_and_can_be_confirmed()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        (await staff.PostFormAsync("/Visits/Schedule", Plan("Gwangju", "2026-12-11", venue: "Room 501"))).Dispose();

        using var warned = await staff.PostFormAsync(
            "/Visits/Schedule",
            Plan("Daejeon", "2026-12-11", "14:30", "16:00", "Room 501")
        );
        var page = await warned.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("already booked", page, StringComparison.Ordinal);
        Assert.Contains("Gwangju", page, StringComparison.Ordinal);
        using var confirmed = await staff.PostFormAsync(
            "/Visits/Schedule",
            [
                .. Plan("Daejeon", "2026-12-11", "14:30", "16:00", "Room 501"),
                new("Input.ScheduleDespiteConflicts", "true"),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    [Fact]
    public async Task Program_directors_read_visits_but_cannot_schedule_or_change_them()
    {
        var city = $"{TestData.Unique("Seremban")} City Council";
        var id = await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });
        var director = await SignedInAsync(Roles.ProgramDirector);

        var list = await director.GetPageAsync($"/Visits?Filter.Text={Uri.EscapeDataString(city)}");
        using var schedule = await director.GetAsync("/Visits/Schedule");
        using var edit = await director.GetAsync($"/Visits/Edit/{id}");
        using var agenda = await director.GetAsync($"/Visits/Agenda/{id}");

        Assert.Contains(city, list, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"schedule-visit\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "id=\"edit-agenda\"",
            await director.GetPageAsync($"/Visits/Details/{id}"),
            StringComparison.Ordinal
        );
        foreach (var refused in new[] { schedule, edit, agenda })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith(
                "/Account/AccessDenied",
                refused.Headers.Location!.PathAndQuery,
                StringComparison.Ordinal
            );
        }
    }

    [Fact]
    public async Task Anonymous_visitors_see_nothing_of_visits()
    {
        var id = await portal.ScheduleVisitAsync();
        var anonymous = PortalClient.For(portal);

        foreach (
            var path in new[]
            {
                "/Visits",
                "/Visits?handler=Csv",
                "/Visits/Schedule",
                $"/Visits/Details/{id}",
                $"/Visits/Agenda/{id}",
                $"/Visits/Status/{id}",
            }
        )
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_filtered_list_downloads_as_csv_with_a_byte_order_mark()
    {
        var city = $"{TestData.Unique("Seremban")} City Council";
        await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });
        await portal.ScheduleVisitAsync();
        var director = await SignedInAsync(Roles.ProgramDirector);

        using var response = await director.GetAsync($"/Visits?handler=Csv&Filter.Text={Uri.EscapeDataString(city)}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        var lines = Encoding
            .UTF8.GetString(bytes, 3, bytes.Length - 3)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(city, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public Task The_second_of_two_editors_is_told_what_changed_and_keeps_their_input() =>
        SecondOfTwoEditorsIsToldWhatChangedAsync(portal);

    /// <summary>Decision 0012 on any database: two colleagues edit one visit, the first saves, and the second's save
    /// is refused with what changed beside their own input. With <paramref name="secondInstance"/> (a second portal on
    /// the same database) the second colleague works on that instance.</summary>
    internal static async Task SecondOfTwoEditorsIsToldWhatChangedAsync(
        PortalFactory portal,
        PortalFactory? secondInstance = null
    )
    {
        var first = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);
        var second = await PortalClient.NewStaffSignedInAsync(secondInstance ?? portal, Roles.SecretariatStaff);
        using var scheduled = await first.PostFormAsync("/Visits/Schedule", Plan("Ulsan", "2026-12-14"));
        var editPath = scheduled.Headers.Location!.OriginalString.Replace(
            "/Details/",
            "/Edit/",
            StringComparison.Ordinal
        );
        var secondsForm = await second.GetPageAsync(editPath);
        var staleVersion = VersionField().Match(secondsForm).Groups[1].Value;

        using var firstSave = await first.PostFormAsync(
            editPath,
            [
                .. Plan("Ulsan", "2026-12-14", venue: "Room A")
                    .Where(f => !f.Key.StartsWith("Input.Organization", StringComparison.Ordinal)),
                new("Input.Version", "0"),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        var token = PortalClient.AntiforgeryToken(secondsForm)!;
        using var content = new FormUrlEncodedContent([
            .. Plan("Ulsan", "2026-12-14", venue: "Room B (my choice)"),
            new("Input.Version", staleVersion),
            new("__RequestVerificationToken", token),
        ]);
        using var secondSave = await second.Http.PostAsync(new Uri(editPath, UriKind.Relative), content);
        var page = await secondSave.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        Assert.Contains("someone else saved this", page, StringComparison.Ordinal);
        Assert.Matches("id=\"saved-meanwhile-Input_Venue\"[^>]*>.*Room A", page);
        Assert.Contains("value=\"Room B (my choice)\"", page, StringComparison.Ordinal);
        Assert.Equal("1", VersionField().Match(page).Groups[1].Value);
        Assert.Contains(
            "Room A",
            await first.GetPageAsync(scheduled.Headers.Location!.OriginalString),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_visit_scheduled_without_a_headcount_opens_for_editing_with_it_empty_and_saves()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff, "en");
        using var scheduled = await staff.PostFormAsync(
            "/Visits/Schedule",
            Plan("Changwon", "2026-12-15").Where(f => f.Key != "Input.ExpectedHeadcount")
        );
        var editPath = scheduled.Headers.Location!.OriginalString.Replace(
            "/Details/",
            "/Edit/",
            StringComparison.Ordinal
        );

        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await staff.GetPageAsync(editPath));
        Assert.Equal("", form.QuerySelector<IHtmlInputElement>("#Input_ExpectedHeadcount")!.Value);
        // Shown as not announced, never as a count of 0, wherever a headcount is shown.
        var detailsPath = scheduled.Headers.Location!.OriginalString;
        var details = await staff.GetPageAsync(detailsPath);
        Assert.Contains("<span id=\"headcount\">not announced</span>", details, StringComparison.Ordinal);
        var roster = await staff.GetPageAsync(detailsPath.Replace("/Details/", "/Roster/", StringComparison.Ordinal));
        Assert.Contains("<div class=\"stat\" id=\"headcount\">—</div>", roster, StringComparison.Ordinal);
        Assert.DoesNotContain("0 delegates", await staff.GetPageAsync("/"), StringComparison.Ordinal);

        // The form posted back as it was filled, with the purpose changed.
        var fields = form.QuerySelectorAll<IHtmlInputElement>("form input[name]")
            .Where(i => i.Type is not ("checkbox" or "submit") || i.IsChecked)
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(
                form.QuerySelectorAll<IHtmlSelectElement>("form select[name]")
                    .Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? ""))
            )
            .Where(f => f.Key != "__RequestVerificationToken")
            .Append(new("Input.Purpose", "Smart-city exchange, second day"));
        using var saved = await staff.PostFormAsync(editPath, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(
            "second day",
            await staff.GetPageAsync(scheduled.Headers.Location!.OriginalString),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_headcount_cleared_in_the_edit_form_is_saved_as_not_announced()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff, "en");
        using var scheduled = await staff.PostFormAsync("/Visits/Schedule", Plan("Gyeongju", "2026-12-16"));
        var editPath = scheduled.Headers.Location!.OriginalString.Replace(
            "/Details/",
            "/Edit/",
            StringComparison.Ordinal
        );
        Assert.Contains("value=\"8\"", await staff.GetPageAsync(editPath), StringComparison.Ordinal);

        using var saved = await staff.PostFormAsync(
            editPath,
            [
                .. Plan("Gyeongju", "2026-12-16").Where(f => f.Key != "Input.ExpectedHeadcount"),
                new("Input.ExpectedHeadcount", ""),
                new("Input.Version", "0"),
            ]
        );

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await staff.GetPageAsync(editPath));
        Assert.Equal("", form.QuerySelector<IHtmlInputElement>("#Input_ExpectedHeadcount")!.Value);
    }

    [Fact]
    public async Task The_second_of_two_editors_of_an_agenda_item_keeps_their_text_and_sees_the_first_ones_beside_it()
    {
        var first = await SignedInAsync(Roles.SecretariatStaff, "en");
        var second = await SignedInAsync(Roles.SecretariatStaff, "en");
        using var scheduled = await first.PostFormAsync("/Visits/Schedule", Plan("Pohang", "2026-12-17"));
        var agenda = scheduled.Headers.Location!.OriginalString.Replace(
            "/Details/",
            "/Agenda/",
            StringComparison.Ordinal
        );
        (
            await first.PostFormAsync(
                agenda,
                [
                    new("NewItem.Version", "0"),
                    new("NewItem.StartsAt", "14:00"),
                    new("NewItem.EndsAt", "14:30"),
                    new("NewItem.Title", "Welcome"),
                ],
                agenda + "?handler=Add"
            )
        ).Dispose();
        var itemId = AgendaItemId().Match(await first.GetPageAsync(agenda)).Groups[1].Value;
        KeyValuePair<string, string>[] Item(string title, string speaker) =>
            [
                new("EditedItem.Version", "1"),
                new("EditedItem.ItemId", itemId),
                new("EditedItem.StartsAt", "14:00"),
                new("EditedItem.EndsAt", "14:30"),
                new("EditedItem.Title", title),
                new("EditedItem.Speaker", speaker),
            ];

        using var firstSave = await first.PostFormAsync(agenda, Item("Welcome address", ""), agenda + "?handler=Edit");
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        using var secondSave = await second.PostFormAsync(
            agenda,
            Item("Welcome", "Jeong-kee Kim"),
            agenda + "?handler=Edit"
        );

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await secondSave.Content.ReadAsStringAsync());
        Assert.Equal(
            "Welcome address",
            page.QuerySelector("#saved-meanwhile-EditedItem_Title .saved-meanwhile-value")?.TextContent
        );
        Assert.Equal("Welcome", page.QuerySelector<IHtmlInputElement>("#EditedItem_Title")!.Value);
        Assert.Equal("Jeong-kee Kim", page.QuerySelector<IHtmlInputElement>("#EditedItem_Speaker")!.Value);
        Assert.Equal(
            "(empty)",
            page.QuerySelector("#saved-meanwhile-EditedItem_Speaker .saved-meanwhile-value")?.TextContent
        );
        Assert.Null(page.QuerySelector("#saved-meanwhile-EditedItem_StartsAt"));
        Assert.Equal("2", page.QuerySelector("input[name='EditedItem.Version']")!.GetAttribute("value"));
    }

    [GeneratedRegex("id=\"agenda-item-(\\d+)\"")]
    private static partial Regex AgendaItemId();

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
