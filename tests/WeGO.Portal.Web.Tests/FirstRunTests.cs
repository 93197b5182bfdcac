using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Infrastructure.DemoData;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>What a newcomer sees after the README's first command: the portal started on an empty data folder with
/// the demo on shows a working secretariat on every page that looks at today, and the seed's Seremban visit as the
/// seed tells it.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory { SeedDemo = true }.Start();

    public void Dispose() => portal.Dispose();

    [Fact]
    public Task Every_page_that_looks_at_today_has_something_to_show() => EveryPageThatLooksAtTodayShowsAsync(portal);

    [Fact]
    public Task The_Seremban_visit_reads_as_the_seed_tells_it() => SerembanReadsAsTheSeedAsync(portal);

    /// <summary>On a portal started with the demo on an empty database (SQLite here, PostgreSQL in
    /// PostgreSqlTests).</summary>
    internal static async Task EveryPageThatLooksAtTodayShowsAsync(PortalFactory portal)
    {
        var director = await PortalClient.NewStaffSignedInAsync(portal, Roles.ProgramDirector);
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);

        var dashboard = await PageAsync(director, "/Dashboard");
        foreach (var figure in new[] { "visits-in-period", "upcoming-count", "reports-awaiting-review" })
        {
            Assert.True(Number(dashboard, figure) > 0, $"the dashboard's {figure} is not 0");
        }

        Assert.True(Number(dashboard, "overdue-follow-ups") > 0, "the dashboard counts overdue follow-ups");

        var today = SecretariatCalendar.Today(TimeProvider.System);
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var calendar = await PageAsync(staff, "/Visits/Calendar");
        Assert.NotEmpty(calendar.QuerySelectorAll($"li[id^='day-{month}'] .calendar-visit"));

        var queue = await PageAsync(director, "/Reports/Queue");
        Assert.NotEmpty(queue.QuerySelectorAll("#review-queue tr[data-report]"));

        var inquiries = await PageAsync(director, "/Membership/Inquiries");
        Assert.NotEmpty(inquiries.QuerySelectorAll("#inquiries-table tr[data-inquiry]"));

        var overdue = await PageAsync(staff, "/FollowUps/Overdue");
        Assert.NotEmpty(overdue.QuerySelectorAll("#overdue-follow-ups tr[data-follow-up]"));

        foreach (var language in new[] { "en", "es", "ko" })
        {
            var news = await PageAsync(PortalClient.For(portal, language), "/news");
            Assert.NotEmpty(news.QuerySelectorAll($"#news li[lang='{language}']"));
        }
    }

    internal static async Task SerembanReadsAsTheSeedAsync(PortalFactory portal)
    {
        var visitId = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Organization.Name == SerembanVisit.CityName).Select(v => v.Id).SingleAsync()
        );
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);

        var page = (await PageAsync(staff, $"/Visits/Details/{visitId}")).Body!.TextContent;

        foreach (
            var fact in new[]
            {
                SerembanVisit.CityName,
                "Majlis Bandaraya Seremban",
                SerembanVisit.HeadOfDelegation,
                SerembanVisit.SecretaryGeneral,
                SerembanVisit.ProgramDirector,
                "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0",
                "WeGO Secretariat, Seoul",
            }
        )
        {
            Assert.Contains(fact, page, StringComparison.Ordinal);
        }

        Assert.Contains("36", page, StringComparison.Ordinal);
        Assert.Contains("2024", page, StringComparison.Ordinal);
    }

    private static async Task<IDocument> PageAsync(PortalClient client, string path) =>
        new HtmlParser().ParseDocument(await client.GetPageAsync(path));

    private static int Number(IDocument page, string id) =>
        int.Parse(
            page.GetElementById(id)?.TextContent.Trim() ?? throw new InvalidOperationException($"No #{id}"),
            NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture
        );
}
