using AngleSharp.Html.Parser;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The staff lists page through their rows by the "Next" link, as a reader clicks it. Each test's rows
/// carry a name no other test uses, and the list is filtered by it, so the pages hold only this test's rows.</summary>
public sealed class ListPagingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Rows = 27;

    [Fact]
    public async Task The_visits_list_shows_its_second_page_through_the_next_link()
    {
        var city = $"{TestData.Unique("Pagina")} City Council";
        for (var i = 0; i < Rows; i++)
        {
            await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });
        }

        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");
        await AssertPagesThroughAsync(staff, $"/Visits?Filter.Text={Uri.EscapeDataString(city)}");
    }

    [Fact]
    public async Task The_inquiry_pipeline_shows_its_second_page_through_the_next_link()
    {
        var contact = TestData.Unique("Paginada");
        for (var i = 0; i < Rows; i++)
        {
            await portal.MembershipInquiryAsync(Domain.Membership.InquiryStage.New, c =>
                c with
                {
                    ContactName = contact,
                }
            );
        }

        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");
        await AssertPagesThroughAsync(staff, $"/Membership/Inquiries?Filter.Text={Uri.EscapeDataString(contact)}");
    }

    /// <summary>The first page holds 25 rows and says "Page 1 of 2"; its "Next" link leads to the other two rows,
    /// none of them on the first page, under "Page 2 of 2", whose "Previous" link leads back.</summary>
    private static async Task AssertPagesThroughAsync(PortalClient staff, string list)
    {
        var parser = new HtmlParser();
        var first = parser.ParseDocument(await staff.GetPageAsync(list));
        Assert.Equal("Page 1 of 2", first.QuerySelector(".pagination .active")!.TextContent.Trim());
        var nextLinks = first.QuerySelectorAll(".pagination a");
        var next = nextLinks[^1].GetAttribute("href");
        Assert.False(string.IsNullOrEmpty(next), "the Next link has no address");

        var second = parser.ParseDocument(await staff.GetPageAsync(next!));
        Assert.Equal("Page 2 of 2", second.QuerySelector(".pagination .active")!.TextContent.Trim());
        static List<string?> RowLinks(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("tbody tr").Select(row => row.QuerySelector("a[href]")?.GetAttribute("href"))];
        var firstRows = RowLinks(first);
        var secondRows = RowLinks(second);
        Assert.Equal(25, firstRows.Distinct().Count());
        Assert.Equal(Rows - 25, secondRows.Distinct().Count());
        Assert.DoesNotContain(secondRows, firstRows.Contains);

        var previous = second.QuerySelectorAll(".pagination a")[0].GetAttribute("href");
        var back = parser.ParseDocument(await staff.GetPageAsync(previous!));
        Assert.Equal("Page 1 of 2", back.QuerySelector(".pagination .active")!.TextContent.Trim());
    }
}
