using System.Net;
using System.Text.RegularExpressions;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The dashboard page over HTTP. A test that counts owns its period: October 2024 holds only the Seremban
/// visit (Asia and the Pacific) of the charts test, November 2024 only the visit of the follow-ups test; the tests of
/// labels schedule theirs in October 2023.</summary>
public sealed partial class DashboardPageTests : IClassFixture<PortalFactory>
{
    private const string October2024 = "/Dashboard?From=2024-10-01&To=2024-10-31";
    private const string November2024 = "/Dashboard?From=2024-11-01&To=2024-11-30";
    private const string October2023 = "/Dashboard?From=2023-10-01&To=2023-10-31";
    private readonly PortalFactory portal;

    public DashboardPageTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    private Task<int> VisitOn(DateOnly date) => portal.ScheduleHeldVisitForPagesAsync(c => c with { Date = date });

    private Task<PortalClient> SignedInAsync(string role, string? language = null) =>
        PortalClient.NewStaffSignedInAsync(portal, role, language);

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var response = await PortalClient.For(portal).GetAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(
            "/Account/SignIn?ReturnUrl=%2FDashboard",
            response.Headers.Location!.PathAndQuery,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(Roles.ProgramDirector)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.SecretariatStaff)]
    public async Task Directors_administrators_and_Secretariat_staff_read_the_dashboard_and_find_it_in_the_navigation(
        string role
    )
    {
        var client = await SignedInAsync(role);

        var home = await client.GetPageAsync("/");
        var dashboard = await client.GetPageAsync("/Dashboard");

        Assert.Contains("id=\"nav-dashboard\"", home, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"h3 mb-3\">Dashboard</h1>", dashboard, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"true\" id=\"preset-Last12Months\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_without_a_staff_role_is_refused()
    {
        var client = await PortalClient.NewStaffSignedInAsync(portal, role: null);

        using var response = await client.GetAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-dashboard", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charts_are_labelled_svg_images_with_their_numbers_as_tables_and_no_inline_style()
    {
        await VisitOn(new DateOnly(2024, 10, 7));
        var client = await SignedInAsync(Roles.ProgramDirector);

        var page = WebUtility.HtmlDecode(await client.GetPageAsync(October2024));

        Assert.Equal(
            4,
            Regex.Count(page, "<svg class=\"chart[^\"]*\" viewBox=\"[0-9 ]+\" role=\"img\" aria-label=\"[^\"]+\"")
        );
        Assert.Contains("<title>Visits per month</title>", page, StringComparison.Ordinal);
        Assert.Contains(
            "aria-label=\"Visits per month. Visits in the period: 1. Months shown: 1. "
                + "Busiest month: October 2024 (1).\"",
            page,
            StringComparison.Ordinal
        );
        Assert.Matches("<text class=\"chart-label\" x=\"360\" y=\"217\"\\s+text-anchor=\"middle\">Oct</text>", page);
        Assert.Equal(4, Regex.Count(page, "<summary>Show as table</summary>"));
        Assert.Contains(
            "<th scope=\"row\" class=\"fw-normal\">October 2024</th><td class=\"text-end\">1</td>",
            page,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<th scope=\"row\" class=\"fw-normal\">Asia and the Pacific</th><td class=\"text-end\">1</td>",
            page,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<th scope=\"row\" class=\"fw-normal\">Visited</th><td class=\"text-end\">1</td>",
            page,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<th scope=\"row\" class=\"fw-normal\">Sent an inquiry</th><td class=\"text-end\">0 (0%)</td>",
            page,
            StringComparison.Ordinal
        );
        // Both shares are of the organisations visited.
        Assert.Contains(
            "<th scope=\"row\" class=\"fw-normal\">Became members</th><td class=\"text-end\">0 (0%)</td>",
            page,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_links_to_the_review_queue_and_the_overdue_follow_ups_and_counts_the_overdue_ones()
    {
        var client = await SignedInAsync(Roles.ProgramDirector);
        var overdueBefore = OverdueFollowUps(await client.GetPageAsync(November2024));
        var visit = await VisitOn(new DateOnly(2024, 11, 7));
        await portal.AddFollowUpForPagesAsync(visit, new DateOnly(2024, 11, 25));
        await portal.AddFollowUpForPagesAsync(visit, new DateOnly(2024, 12, 6), "Propose feasibility-study options");
        // Due in a week: open, not overdue.
        await portal.AddFollowUpForPagesAsync(visit, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));

        var page = await client.GetPageAsync(November2024);

        Assert.Contains("href=\"/Reports/Queue\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/FollowUps/Overdue\"", page, StringComparison.Ordinal);
        Assert.Equal(overdueBefore + 2, OverdueFollowUps(page));
        Assert.Matches("id=\"visits-in-period\">1<", page);
    }

    private static int OverdueFollowUps(string page) =>
        int.Parse(
            Regex.Match(page, "id=\"overdue-follow-ups\">(\\d+)<").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture
        );

    [Fact]
    public async Task The_members_panel_links_each_count_to_the_registry_filtered_that_way_and_to_the_queues()
    {
        var client = await SignedInAsync(Roles.ProgramDirector);
        var before = WebUtility.HtmlDecode(await client.GetPageAsync(October2024));
        await portal.RegistryMemberAsync(Region.CentralAsia, MembershipCategory.Corporate);

        var page = WebUtility.HtmlDecode(await client.GetPageAsync(October2024));

        Assert.Contains("id=\"members-panel\"", page, StringComparison.Ordinal);
        Assert.Equal(
            MembersLinked(before, "Filter.Category=Corporate") + 1,
            MembersLinked(page, "Filter.Category=Corporate")
        );
        Assert.Equal(
            MembersLinked(before, "Filter.Region=CentralAsia") + 1,
            MembersLinked(page, "Filter.Region=CentralAsia")
        );
        Assert.Contains(
            "id=\"active-members\" href=\"/Membership/Members?Filter.Status=Active\">",
            page,
            StringComparison.Ordinal
        );
        Assert.Matches(
            "id=\"awaiting-check\" href=\"/Membership/Applications\\?State=Received\">\\d+ application",
            page
        );
        Assert.Matches("id=\"awaiting-committee\" href=\"/Membership/Committee\">\\d+ application", page);
        Assert.Equal(Enum.GetValues<MembershipCategory>().Length, Regex.Count(page, "data-category=\""));
        Assert.Equal(Enum.GetValues<Region>().Length, Regex.Count(page, "data-region=\""));
    }

    /// <summary>The number the dashboard shows on its link to the active members with
    /// <paramref name="filter"/>.</summary>
    private static int MembersLinked(string page, string filter) =>
        int.Parse(
            Regex
                .Match(page, $"href=\"/Membership/Members\\?Filter.Status=Active&{Regex.Escape(filter)}\"[^>]*>(\\d+)<")
                .Groups[1]
                .Value,
            System.Globalization.CultureInfo.InvariantCulture
        );

    [Theory]
    [InlineData(null, "—")]
    [InlineData(0.0, "0%")]
    [InlineData(0.004, "0.4%")]
    [InlineData(1.0 / 3, "33%")]
    [InlineData(1.0, "100%")]
    public void Shares_are_whole_percents_with_one_decimal_below_one_percent_and_a_dash_without_visits(
        double? rate,
        string shown
    )
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        try
        {
            Assert.Equal(shown, Pages.Dashboard.IndexModel.Percent(rate));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task The_period_form_is_a_bookmarkable_GET_with_preset_links()
    {
        var client = await SignedInAsync(Roles.ProgramDirector);

        var page = await client.GetPageAsync("/Dashboard?Preset=LastYear");

        Assert.Contains("<form method=\"get\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Dashboard?Preset=ThisYear\"", page, StringComparison.Ordinal);
        var lastYear = DateTime.UtcNow.Year - 1;
        Assert.Contains($"name=\"From\" value=\"{lastYear}-01-01\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"To\" value=\"{lastYear}-12-31\"", page, StringComparison.Ordinal);
        Assert.Matches(
            "class=\"nav-link py-1 active\" aria-current=\"true\" id=\"preset-LastYear\""
                + "|aria-current=\"true\"[^>]*id=\"preset-LastYear\"",
            page
        );
    }

    [Fact]
    public async Task An_empty_period_shows_zeros_and_a_reversed_one_is_explained_without_an_error_page()
    {
        var client = await SignedInAsync(Roles.ProgramDirector);

        var empty = WebUtility.HtmlDecode(await client.GetPageAsync("/Dashboard?From=2010-01-01&To=2010-02-28"));
        var reversed = await client.GetPageAsync("/Dashboard?From=2024-10-31&To=2024-10-01");

        Assert.Matches("id=\"visits-in-period\">0<", empty);
        Assert.Contains("No visits in this period.", empty, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-4 text-end\">—</dd>", empty, StringComparison.Ordinal);
        Assert.Contains(
            "The period must end on or after the day it starts.",
            WebUtility.HtmlDecode(reversed),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("<svg", reversed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "oct", "octubre de 2023", "Panel de dirección")]
    [InlineData("ko", "10월", "2023년 10월", "대시보드")]
    public async Task Month_names_and_texts_follow_the_language(
        string language,
        string shortMonth,
        string fullMonth,
        string title
    )
    {
        await VisitOn(new DateOnly(2023, 10, 9));
        var client = await SignedInAsync(Roles.ProgramDirector, language);

        var page = WebUtility.HtmlDecode(await client.GetPageAsync(October2023));

        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains($"text-anchor=\"middle\">{shortMonth}</text>", page, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\" class=\"fw-normal\">{fullMonth}</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_label_too_long_for_the_chart_is_cut_with_its_full_text_kept()
    {
        await VisitOn(new DateOnly(2023, 10, 9));
        var client = await SignedInAsync(Roles.ProgramDirector, "es");

        var page = WebUtility.HtmlDecode(await client.GetPageAsync(October2023));

        // 'Oriente Medio y Norte de África' ran past the chart's left edge; short labels stay whole.
        Assert.Contains(
            "<title>Oriente Medio y Norte de África</title>Oriente Medio y Norte de Áfri…</text>",
            page,
            StringComparison.Ordinal
        );
        Assert.Contains("<title>África</title>África</text>", page, StringComparison.Ordinal);
        Assert.Equal(
            "가나다라마바사아자차카타파하…",
            Pages.Dashboard.BarChart.FitRowLabel(new string([.. "가나다라마바사아자차카타파하가나다라마바사"]))
        );
    }

    [Fact]
    public void A_charts_coordinate_is_written_as_the_value_rounded_to_one_decimal_in_the_invariant_culture()
    {
        var random = new Random(2024);
        var values = Enumerable
            .Range(0, 80_001)
            .Select(i => i / 100.0)
            .Concat(Enumerable.Range(0, 10_000).Select(_ => random.NextDouble() * 1_000))
            .Concat([0.05, 0.15, 0.25, 2.45, 719.95, 1e9 + 0.35, -0.3, -12.25, -180.06]);
        foreach (var value in values)
        {
            var expected = Math.Round(value, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, Pages.Dashboard.BarChart.Placed.N(value));
        }
    }
}
