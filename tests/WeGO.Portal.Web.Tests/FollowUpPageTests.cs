using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Follow-ups and topics on the pages, each test on a Seremban visit of its own, one portal for the
/// class.</summary>
public sealed partial class FollowUpPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private Task<int> VisitIdAsync() => portal.ScheduleVisitAsync();

    /// <summary>A visit of its own with the Seremban visit's follow-ups, two of them overdue.</summary>
    private async Task<(int VisitId, TestData.SerembanFollowUpIds FollowUps)> VisitWithFollowUpsAsync()
    {
        var visitId = await VisitIdAsync();
        return (visitId, await portal.SerembanFollowUpsAsync(visitId));
    }

    private Task<string> AdminIdAsync() =>
        portal.WithDbAsync(db =>
            db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync()
        );

    private async Task<PortalClient> SignedInAsync(string email, string password, string? language = null)
    {
        var client = PortalClient.For(portal, language);
        await client.SignInAsync(email, password);
        return client;
    }

    private Task<PortalClient> AdministratorAsync(string? language = null) =>
        SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword, language);

    private static string Iso(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Done button of the row holding <paramref name="text"/> (its description, or data-follow-up="id").
    /// </summary>
    private static (int Id, int Version) DoneButton(string page, string text)
    {
        var row = Row().Matches(page).Single(m => m.Value.Contains(text, StringComparison.Ordinal)).Value;
        var done = DoneForm().Match(row);
        Assert.True(done.Success, $"A Done button for \"{text}\"");
        return (
            int.Parse(done.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(done.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
        );
    }

    [Fact]
    public async Task Staff_add_a_follow_up_through_the_form_mark_it_done_and_the_pages_show_who_and_when()
    {
        var visitId = await VisitIdAsync();
        var admin = await AdministratorAsync();
        var form = await admin.GetPageAsync($"/Visits/FollowUps/{visitId}");
        var adminId = await AdminIdAsync();
        Assert.Matches(
            $"<option (selected=\"selected\" value=\"{adminId}\"|value=\"{adminId}\" selected=\"selected\")>"
                + "Administrator</option>",
            form
        );

        using var added = await admin.PostFormAsync(
            $"/Visits/FollowUps/{visitId}",
            [
                new("Input.Description", "Send the Smart City Prize call for entries"),
                new("Input.OwnerUserId", await AdminIdAsync()),
                new("Input.OwnerName", ""),
                new("Input.DueOn", Iso(Today.AddDays(30))),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/Visits/Details/{visitId}#follow-ups", added.Headers.Location!.OriginalString);

        var mine = await admin.GetPageAsync("/FollowUps");
        Assert.Contains("Send the Smart City Prize call for entries", mine, StringComparison.Ordinal);
        Assert.Contains("Seremban City Council", mine, StringComparison.Ordinal);
        var (id, version) = DoneButton(mine, "Send the Smart City Prize call for entries");

        using var done = await admin.PostFormAsync(
            "/FollowUps",
            [
                new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("ReturnUrl", "/FollowUps"),
            ],
            $"/FollowUps/Status/{id}?handler=Done"
        );
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/FollowUps", done.Headers.Location!.OriginalString);

        var closed = await portal.WithDbAsync(db => db.FollowUps.SingleAsync(f => f.Id == id));
        Assert.Equal(FollowUpStatus.Done, closed.Status);
        Assert.Equal("Administrator", closed.ClosedBy);
        // In the viewer's zone (the Secretariat's, Seoul, until they choose one), named (decision 0034).
        var when = Dates.MomentIn(closed.ClosedAtUtc!.Value, "Asia/Seoul", Dates.Culture("en"));
        Assert.Contains(
            $"Done by Administrator, {when}",
            WebUtility.HtmlDecode(await admin.GetPageAsync("/FollowUps")),
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"Done by Administrator, {when}",
            WebUtility.HtmlDecode(await admin.GetPageAsync($"/Visits/Details/{visitId}")),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_follow_up_for_someone_outside_the_portal_is_added_from_the_visit_page_and_dropped_there()
    {
        var visitId = await VisitIdAsync();
        var admin = await AdministratorAsync();
        var details = await admin.GetPageAsync($"/Visits/Details/{visitId}");
        Assert.Contains($"href=\"/Visits/FollowUps/{visitId}\"", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Visits/Topics/{visitId}\"", details, StringComparison.Ordinal);

        using var added = await admin.PostFormAsync(
            $"/Visits/FollowUps/{visitId}",
            [
                new("Input.Description", "Ask the council for its membership decision"),
                new("Input.OwnerUserId", ""),
                new("Input.OwnerName", "Lee Kai Yet"),
                new("Input.DueOn", Iso(Today.AddDays(14))),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var followUp = await portal.WithDbAsync(db =>
            db.FollowUps.SingleAsync(f => f.Description == "Ask the council for its membership decision")
        );
        Assert.Equal("Lee Kai Yet", followUp.OwnerName);
        Assert.Null(followUp.OwnerUserId);

        details = await admin.GetPageAsync($"/Visits/Details/{visitId}");
        Assert.Contains($"data-follow-up-drop=\"{followUp.Id}\"", details, StringComparison.Ordinal);
        using var dropped = await admin.PostFormAsync(
            $"/Visits/Details/{visitId}",
            [
                new("Version", followUp.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("ReturnUrl", $"/Visits/Details/{visitId}#follow-ups"),
            ],
            $"/FollowUps/Status/{followUp.Id}?handler=Drop"
        );

        Assert.Equal(HttpStatusCode.Redirect, dropped.StatusCode);
        Assert.Equal($"/Visits/Details/{visitId}#follow-ups", dropped.Headers.Location!.OriginalString);
        Assert.Contains(
            "Dropped by Administrator, ",
            await admin.GetPageAsync($"/Visits/Details/{visitId}"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task An_invalid_follow_up_shows_localized_field_errors_and_keeps_what_was_typed()
    {
        var visitId = await VisitIdAsync();
        var admin = await AdministratorAsync("es");

        using var response = await admin.PostFormAsync(
            $"/Visits/FollowUps/{visitId}",
            [
                new("Input.Description", ""),
                new("Input.OwnerUserId", ""),
                new("Input.OwnerName", "Persona Externa"),
                new("Input.DueOn", Iso(Today.AddYears(5))),
            ]
        );
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"Input_Description-error\">[^<]*Qué hay que hacer", page);
        Assert.Matches(
            "data-valmsg-for=\"Input.DueOn\"[^>]*>La fecha límite puede ser como máximo dentro de 2 años.",
            page
        );
        Assert.Contains("value=\"Persona Externa\"", page, StringComparison.Ordinal);
        Assert.Contains("Administrator</option>", page, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.VisitId == visitId)));
    }

    [Fact]
    public async Task Done_pressed_on_a_follow_up_someone_else_already_closed_says_so_and_changes_nothing()
    {
        var (_, followUps) = await VisitWithFollowUpsAsync();
        var admin = await AdministratorAsync();
        var overdue = await admin.GetPageAsync("/FollowUps/Overdue");
        var (id, version) = DoneButton(overdue, $"data-follow-up=\"{followUps.FeasibilityStudy}\"");
        using var first = await admin.PostFormAsync(
            "/FollowUps/Overdue",
            [
                new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("ReturnUrl", "/FollowUps/Overdue"),
            ],
            $"/FollowUps/Status/{id}?handler=Drop"
        );
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await admin.PostFormAsync(
            "/FollowUps/Overdue",
            [
                new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("ReturnUrl", "/FollowUps/Overdue"),
            ],
            $"/FollowUps/Status/{id}?handler=Done"
        );
        var page = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("This follow-up is already closed.", page, StringComparison.Ordinal);
        Assert.Contains("Dropped by Administrator", page, StringComparison.Ordinal);
        Assert.Equal(
            FollowUpStatus.Dropped,
            await portal.WithDbAsync(db => db.FollowUps.Where(f => f.Id == id).Select(f => f.Status).SingleAsync())
        );
    }

    [Fact]
    public async Task Done_pressed_on_a_list_older_than_the_follow_up_is_refused_as_a_conflict_and_changes_nothing()
    {
        var (_, followUps) = await VisitWithFollowUpsAsync();
        var admin = await AdministratorAsync();
        var (id, seen) = DoneButton(
            await admin.GetPageAsync("/FollowUps/Overdue"),
            $"data-follow-up=\"{followUps.FeasibilityStudy}\""
        );
        string V(int version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (
            await admin.PostFormAsync(
                "/FollowUps/Overdue",
                [new("Version", V(seen))],
                $"/FollowUps/Status/{id}?handler=Drop"
            )
        ).Dispose();
        (
            await admin.PostFormAsync(
                "/FollowUps/Overdue",
                [new("Version", V(seen + 1))],
                $"/FollowUps/Status/{id}?handler=Reopen"
            )
        ).Dispose();

        using var stale = await admin.PostFormAsync(
            "/FollowUps/Overdue",
            [new("Version", V(seen)), new("ReturnUrl", "/FollowUps/Overdue")],
            $"/FollowUps/Status/{id}?handler=Done"
        );
        var page = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Version\" value=\"{seen + 2}\"", page, StringComparison.Ordinal);
        Assert.Equal(
            FollowUpStatus.Open,
            await portal.WithDbAsync(db => db.FollowUps.Where(f => f.Id == id).Select(f => f.Status).SingleAsync())
        );
    }

    [Fact]
    public async Task The_overdue_list_shows_every_owners_overdue_follow_ups_and_the_navigation_counts_mine()
    {
        var admin = await AdministratorAsync();
        var before = int.Parse(
            OverdueTotal().Match(await admin.GetPageAsync("/FollowUps/Overdue")).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture
        );
        var (visitId, _) = await VisitWithFollowUpsAsync();
        await portal.SendAsync(
            new AddFollowUp.Command
            {
                VisitId = visitId,
                Description = "Mine and late",
                OwnerUserId = await AdminIdAsync(),
                DueOn = Today.AddDays(-2),
            }
        );

        var overdue = await admin.GetPageAsync("/FollowUps/Overdue");
        var home = await admin.GetPageAsync("/");

        Assert.Contains(
            "Share member cases on urban-planning strategy and inclusion",
            overdue,
            StringComparison.Ordinal
        );
        Assert.Contains("Propose feasibility-study options", overdue, StringComparison.Ordinal);
        Assert.Contains("Mine and late", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Send membership information", overdue, StringComparison.Ordinal);
        Assert.Matches($"id=\"overdue-total\">{before + 3}<", overdue);
        // No other test of the class gives the administrator an overdue follow-up.
        Assert.Matches("id=\"my-overdue-count\"[^>]*>1<", home);
    }

    [Theory]
    [InlineData("es", "Estrategia de ciudad inteligente", "Palabras de bienvenida")]
    [InlineData("ko", "스마트시티 전략", "환영사")]
    public async Task Topics_and_agenda_items_of_the_vocabulary_read_in_the_pages_language_and_free_text_as_typed(
        string language,
        string topic,
        string agendaItem
    )
    {
        var visitId = await portal.ScheduleHeldVisitForPagesAsync();
        var admin = await AdministratorAsync(language);
        foreach (var recorded in (string[])["Smart-city strategy", "Digital twins"])
        {
            var version = await portal.WithDbAsync(db =>
                db.Visits.Where(v => v.Id == visitId).Select(v => v.Version).SingleAsync()
            );
            using var posted = await admin.PostFormAsync(
                $"/Visits/Topics/{visitId}",
                [
                    new("Input.Topic", recorded),
                    new("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ]
            );
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        foreach (
            var page in (string[])
                [$"/Visits/Details/{visitId}", $"/Visits/Topics/{visitId}", $"/Visits/FollowUps/{visitId}"]
        )
        {
            var html = await admin.GetPageAsync(page);
            Assert.Contains(topic, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Smart-city strategy", html, StringComparison.Ordinal);
            Assert.Contains("Digital twins", html, StringComparison.Ordinal);
        }

        var details = await admin.GetPageAsync($"/Visits/Details/{visitId}");
        Assert.Contains(agendaItem, details, StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome address", details, StringComparison.Ordinal);
        // Not a vocabulary item: printed as typed.
        Assert.Contains("Malaysia Vision Valley 2.0", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_record_and_remove_topics_and_a_duplicate_is_refused_on_the_page()
    {
        var visitId = await VisitIdAsync();
        var admin = await AdministratorAsync();
        var version = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId).Select(v => v.Version).SingleAsync()
        );

        using var recorded = await admin.PostFormAsync(
            $"/Visits/Topics/{visitId}",
            [
                new("Input.Topic", "Digital twins"),
                new("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains(
            "<li>Digital twins</li>",
            await admin.GetPageAsync($"/Visits/Details/{visitId}"),
            StringComparison.Ordinal
        );

        using var duplicate = await admin.PostFormAsync(
            $"/Visits/Topics/{visitId}",
            [
                new("Input.Topic", "digital twins"),
                new("Input.Version", (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]
        );
        var page = await duplicate.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("&quot;digital twins&quot; is already recorded.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"digital twins\"", page, StringComparison.Ordinal);

        var topicId = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId)
                .SelectMany(v => v.Topics)
                .Where(t => t.Title == "Digital twins")
                .Select(t => t.Id)
                .SingleAsync()
        );
        using var removed = await admin.PostFormAsync(
            $"/Visits/Topics/{visitId}",
            [
                new("topicId", topicId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("version", (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            $"/Visits/Topics/{visitId}?handler=Remove"
        );
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(
            "Digital twins",
            await admin.GetPageAsync($"/Visits/Details/{visitId}"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_program_director_reads_the_lists_but_cannot_change_follow_ups_or_topics()
    {
        var (visitId, followUps) = await VisitWithFollowUpsAsync();
        var director = await PortalClient.NewStaffSignedInAsync(portal, Roles.ProgramDirector);
        var followUp = await portal.WithDbAsync(db =>
            db.FollowUps.SingleAsync(f => f.Id == followUps.FeasibilityStudy)
        );

        var overdue = await director.GetPageAsync("/FollowUps/Overdue");
        var mine = await director.GetPageAsync("/FollowUps");
        var details = await director.GetPageAsync($"/Visits/Details/{visitId}");
        Assert.Contains("Propose feasibility-study options", overdue, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-follow-ups\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("data-follow-up-done", overdue + mine + details, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Visits/FollowUps/{visitId}", details, StringComparison.Ordinal);

        using var done = await director.PostFormAsync(
            "/FollowUps/Overdue",
            [new("Version", followUp.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            $"/FollowUps/Status/{followUp.Id}?handler=Done"
        );
        using var added = await director.PostFormAsync(
            "/FollowUps",
            [new("Input.Description", "Sneaked in"), new("Input.OwnerName", "Someone"), new("Input.DueOn", Iso(Today))],
            $"/Visits/FollowUps/{visitId}"
        );
        using var topic = await director.PostFormAsync(
            "/FollowUps",
            [new("Input.Topic", "Sneaked in"), new("Input.Version", "0")],
            $"/Visits/Topics/{visitId}"
        );
        using var form = await director.GetAsync($"/Visits/FollowUps/{visitId}");

        foreach (var refused in new[] { done, added, topic, form })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith(
                "/Account/AccessDenied",
                refused.Headers.Location!.AbsolutePath,
                StringComparison.Ordinal
            );
        }

        Assert.Equal(
            FollowUpStatus.Open,
            await portal.WithDbAsync(db =>
                db.FollowUps.Where(f => f.Id == followUp.Id).Select(f => f.Status).SingleAsync()
            )
        );
        Assert.False(await portal.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.Description == "Sneaked in")));
        Assert.DoesNotContain(
            "Sneaked in",
            await director.GetPageAsync($"/Visits/Details/{visitId}"),
            StringComparison.Ordinal
        );
    }

    [GeneratedRegex("id=\"overdue-total\">(\\d+)<")]
    private static partial Regex OverdueTotal();

    [GeneratedRegex("<tr[^>]*data-follow-up=\"\\d+\"[\\s\\S]*?</tr>")]
    private static partial Regex Row();

    [GeneratedRegex(
        "action=\"/FollowUps/Status/(\\d+)\\?handler=Done\"[^>]*>"
            + "\\s*<input type=\"hidden\" name=\"Version\" value=\"(\\d+)\""
    )]
    private static partial Regex DoneForm();
}
