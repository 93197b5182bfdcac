using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The protocol pages over HTTP: badges and place cards in the order of precedence with Korean names intact,
/// the move buttons, check-in without script, and who sees the delegates' needs on the roster and its export.</summary>
public sealed class ProtocolPageTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public ProtocolPageTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    /// <summary>The order of precedence the visit's roster has: the head, then 김정기 moved ahead of Tan Wei
    /// Ming.</summary>
    private static readonly string[] InPrecedence = ["Dato' Lee Kai Yet", "박사 김정기", "Tan Wei Ming"];

    /// <summary>A visit of its own with three delegates: Tan entered first, the head last, 김정기 moved up.</summary>
    private Task<int> VisitWithRosterAsync() =>
        portal.WithDbAsync(async db =>
        {
            var organization = new Organization(
                TestData.Unique("Seremban City Council"),
                "MY",
                Region.AsiaPacific,
                OrganizationKind.LocalGovernment
            );
            var visit = Visit.Schedule(
                organization,
                "Study visit",
                "WeGO Secretariat, Seoul",
                new DateOnly(2030, 10, 7),
                new TimeOnly(10, 0),
                new TimeOnly(12, 0),
                VenueTime.Seoul,
                DateTime.UtcNow
            );
            visit.ExpectHeadcount(36);
            visit.AddDelegationMember(
                "Tan Wei Ming",
                "Director of Urban Planning",
                "Seremban City Council",
                DelegationRole.Delegate,
                null,
                "Vegetarian"
            );
            var kim = visit.AddDelegationMember(
                "김정기",
                "사무총장",
                "세계스마트지속가능도시기구",
                DelegationRole.Delegate
            );
            visit.DescribeDelegateProtocol(kim, "박사", "Korean to Malay");
            var lee = visit.AddDelegationMember(
                "Lee Kai Yet",
                "Councillor",
                "Seremban City Council",
                DelegationRole.HeadOfDelegation,
                null,
                "Halal",
                "Wheelchair access"
            );
            visit.DescribeDelegateProtocol(lee, "Dato'", null);
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            visit.MoveDelegate(kim.Id, -1);
            await db.SaveChangesAsync();
            return visit.Id;
        });

    private Task<int> MemberIdAsync(int visitId, string name) =>
        portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId)
                .SelectMany(v => v.Delegation.Members)
                .Where(m => m.FullName == name)
                .Select(m => m.Id)
                .SingleAsync()
        );

    private static async Task<IHtmlDocument> DocumentAsync(PortalClient client, string path) =>
        new HtmlParser().ParseDocument(await client.GetPageAsync(path));

    private static string[] Texts(IHtmlDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim())];

    [Fact]
    public async Task Badges_print_every_delegate_in_the_order_of_precedence_with_korean_names_intact()
    {
        var visitId = await VisitWithRosterAsync();
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");

        var page = await DocumentAsync(staff, $"/Visits/Badges/{visitId}");

        Assert.Equal(InPrecedence, Texts(page, ".name-badge .print-name"));
        Assert.Equal(["Councillor", "사무총장", "Director of Urban Planning"], Texts(page, ".name-badge .print-title"));
        Assert.Single(page.QuerySelectorAll(".print-sheet"));
        Assert.NotNull(page.QuerySelector("link[href^='/css/protocol.css']"));
        Assert.DoesNotContain("Halal", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Place_cards_show_the_name_on_both_halves_in_the_order_of_precedence()
    {
        var visitId = await VisitWithRosterAsync();
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");

        var page = await DocumentAsync(staff, $"/Visits/PlaceCards/{visitId}");

        Assert.Equal(InPrecedence, Texts(page, ".place-card-half.front .print-name"));
        Assert.Equal(InPrecedence, Texts(page, ".place-card-half.back .print-name"));
        // Two cards a sheet: three delegates make two sheets.
        Assert.Equal(2, page.QuerySelectorAll(".print-sheet").Length);
    }

    [Fact]
    public async Task The_print_style_sets_a4_and_a_font_that_prints_korean()
    {
        var css = await PortalClient.For(portal).GetPageAsync("/css/protocol.css");

        Assert.Contains("size: A4", css);
        Assert.Contains("\"Noto Sans CJK KR\"", css);
        Assert.Contains("grid-template-columns: repeat(2, 90mm)", css);
        Assert.Contains("grid-auto-rows: 55mm", css);
    }

    [Fact]
    public async Task The_move_buttons_reorder_the_roster()
    {
        var visitId = await VisitWithRosterAsync();
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");
        var tan = await MemberIdAsync(visitId, "Tan Wei Ming");
        var rosterPage = $"/Visits/Roster/{visitId}";
        var form = (await DocumentAsync(staff, rosterPage)).QuerySelector<IHtmlFormElement>(
            $"#member-{tan} form.roster-move"
        )!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => i.Name != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Offset", "-1"));

        using var moved = await staff.PostFormAsync(rosterPage, fields, form.GetAttribute("action"));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var page = await DocumentAsync(staff, rosterPage);
        Assert.Equal(
            ["Dato'", "Lee Kai Yet", "Tan Wei Ming", "박사", "김정기"],
            Texts(page, "#roster tbody th span:not(.badge)")
        );
    }

    [Fact]
    public async Task Check_in_marks_and_unmarks_a_delegate_and_counts_the_arrivals()
    {
        var visitId = await VisitWithRosterAsync();
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");
        var kim = await MemberIdAsync(visitId, "김정기");
        var address = $"/Visits/CheckIn/{visitId}";
        var before = await DocumentAsync(staff, address);

        using var marked = await staff.PostFormAsync(address, [new("MemberId", $"{kim}"), new("Arrived", "true")]);
        var after = await DocumentAsync(staff, address);
        using var undone = await staff.PostFormAsync(address, [new("MemberId", $"{kim}"), new("Arrived", "false")]);
        var undoneCount = Texts(await DocumentAsync(staff, address), "#arrived-count").Single();

        Assert.Equal(InPrecedence, Texts(before, ".check-in-name"));
        Assert.Equal("0 of 3 arrived", Texts(before, "#arrived-count").Single());
        Assert.Equal("36 announced", Texts(before, "#announced").Single());
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.EndsWith($"#member-{kim}", marked.Headers.Location!.OriginalString);
        Assert.Equal("1 of 3 arrived", Texts(after, "#arrived-count").Single());
        Assert.Contains("arrived", after.QuerySelector($"#member-{kim}")!.ClassList);
        Assert.Equal("Undo", after.QuerySelector($"#member-{kim} button")!.FirstChild!.TextContent.Trim());
        Assert.Equal("0 of 3 arrived", undoneCount);
    }

    [Fact]
    public async Task A_program_director_sees_the_roster_and_its_export_without_the_needs()
    {
        var visitId = await VisitWithRosterAsync();
        var director = await PortalClient.NewStaffSignedInAsync(portal, Roles.ProgramDirector, "en");

        var page = await director.GetPageAsync($"/Visits/Delegation/{visitId}");
        using var export = await director.GetAsync($"/Visits/Delegation/{visitId}?handler=Export");
        var file = await export.Content.ReadAsStringAsync();
        using var roster = await director.GetAsync($"/Visits/Roster/{visitId}");

        Assert.Contains("김정기", page);
        Assert.DoesNotContain("Halal", page);
        Assert.DoesNotContain("Wheelchair", page);
        Assert.Contains("needs-hidden", page);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("김정기", file);
        Assert.DoesNotContain("Halal", file);
        Assert.DoesNotContain("dietary", file);
        Assert.Contains("/Account/AccessDenied", roster.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var history = Texts(await DocumentAsync(director, $"/Visits/Details/{visitId}"), ".history-list li");
        Assert.DoesNotContain(history, h => h.Contains("needs viewed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_see_the_needs_with_their_deletion_date_and_the_view_is_in_the_history()
    {
        var visitId = await VisitWithRosterAsync();
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");

        var page = await DocumentAsync(staff, $"/Visits/Roster/{visitId}");
        using var export = await staff.GetAsync($"/Visits/Delegation/{visitId}?handler=Export");
        var file = await export.Content.ReadAsStringAsync();

        Assert.Contains("Halal", page.QuerySelector($"#roster")!.TextContent);
        // The visit ends on 7 October 2030; the needs are deleted 30 days later.
        Assert.Equal(
            "The dietary and accessibility needs are deleted after 6 Nov 2030.",
            page.QuerySelector("#needs-retention")!.TextContent.Trim()
        );
        Assert.Contains("dietary needs", file);
        Assert.Contains("Halal", file);
        var history = Texts(await DocumentAsync(staff, $"/Visits/Details/{visitId}"), ".history-list li");
        Assert.Equal(2, history.Count(h => h.Contains("Delegates' needs viewed", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "Deleted 30 days after the visit.")]
    [InlineData("es", "Se eliminan 30 días después de la visita.")]
    [InlineData("ko", "방문 후 30일이 지나면 삭제합니다.")]
    public async Task The_privacy_page_names_the_rule_for_delegates_needs(string language, string rule)
    {
        var page = await PortalClient.For(portal, language).GetPageAsync("/Privacy");

        Assert.Contains(rule, page, StringComparison.Ordinal);
    }
}
