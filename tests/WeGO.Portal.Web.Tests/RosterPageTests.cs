using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

public sealed partial class RosterPageTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory portal;

    public RosterPageTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    /// <summary>A visit of its own for each test, so the tests sharing this portal do not see each other's
    /// rosters.</summary>
    private Task<int> NewVisitAsync(string city) =>
        portal.WithDbAsync(async db =>
        {
            var organization = new Organization(city, "MY", Region.AsiaPacific, OrganizationKind.LocalGovernment);
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
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            return visit.Id;
        });

    private async Task<PortalClient> StaffAsync()
    {
        var client = PortalClient.For(portal, "en");
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return client;
    }

    private Task<List<string>> NamesOnRosterAsync(int visitId) =>
        portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId)
                .SelectMany(v => v.Delegation.Members)
                .Select(m => m.FullName)
                .ToListAsync()
        );

    private static string VersionOn(string page) => Version().Match(page).Groups[1].Value;

    /// <summary>Posts a CSV file as a browser does: multipart, with the antiforgery token and version of the page it
    /// was chosen on.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(
        PortalClient client,
        int visitId,
        string fileName,
        byte[] content
    )
    {
        var page = await client.GetPageAsync($"/Visits/Roster/{visitId}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PortalClient.AntiforgeryToken(page)!), "__RequestVerificationToken" },
            { new StringContent(VersionOn(page)), "Input.Version" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "RosterFile", fileName);
        return await client.Http.PostAsync(new Uri($"/Visits/Roster/{visitId}?handler=Import", UriKind.Relative), form);
    }

    [Fact]
    public async Task Staff_add_a_delegate_through_the_form_and_see_the_headcount_follow()
    {
        var visitId = await NewVisitAsync("Seremban Roster Form");
        var staff = await StaffAsync();
        var page = await staff.GetPageAsync($"/Visits/Roster/{visitId}");
        Assert.Matches("id=\"headcount\">36<", page);

        using var response = await staff.PostFormAsync(
            $"/Visits/Roster/{visitId}",
            [
                new("Input.Version", VersionOn(page)),
                new("Input.FullName", "Lee Kai Yet"),
                new("Input.Title", "Councillor"),
                new("Input.Organization", "Seremban City Council"),
                new("Input.Role", nameof(DelegationRole.HeadOfDelegation)),
                new("Input.Email", "lee.kaiyet@mbs.gov.my"),
                new("Input.DietaryNeeds", "No pork"),
                new("Input.AccessibilityNeeds", ""),
            ],
            action: $"/Visits/Roster/{visitId}?handler=Add"
        );

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await staff.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Lee Kai Yet was added to the roster.", after, StringComparison.Ordinal);
        Assert.Contains("lee.kaiyet@mbs.gov.my", after, StringComparison.Ordinal);
        Assert.Contains("No pork", after, StringComparison.Ordinal);
        Assert.Matches("id=\"headcount\">1<", after);
        Assert.Equal(["Lee Kai Yet"], await NamesOnRosterAsync(visitId));
    }

    [Fact]
    public async Task A_refused_delegate_shows_field_errors_and_keeps_what_was_typed()
    {
        var visitId = await NewVisitAsync("Seremban Roster Errors");
        var staff = await StaffAsync();
        var page = await staff.GetPageAsync($"/Visits/Roster/{visitId}");

        using var response = await staff.PostFormAsync(
            $"/Visits/Roster/{visitId}",
            [
                new("Input.Version", VersionOn(page)),
                new("Input.FullName", ""),
                new("Input.Title", "Councillor"),
                new("Input.Email", "lee(at)mbs.gov.my"),
            ],
            action: $"/Visits/Roster/{visitId}?handler=Add"
        );
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"Input_FullName-error\">[^<]*Name", html);
        Assert.Matches("id=\"Input_Email-error\">[^<]*not a valid email", html);
        Assert.Contains("value=\"lee(at)mbs.gov.my\"", html, StringComparison.Ordinal);
        Assert.Empty(await NamesOnRosterAsync(visitId));
    }

    [Fact]
    public async Task Staff_edit_and_remove_a_delegate_after_confirming()
    {
        var visitId = await NewVisitAsync("Seremban Roster Edit");
        var staff = await StaffAsync();
        using var uploaded = await UploadAsync(
            staff,
            visitId,
            "roster.csv",
            Encoding.UTF8.GetBytes("name,role\nLee Kai Yet,head of delegation\nAminah Yusof,delegate\n")
        );
        var memberId = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId)
                .SelectMany(v => v.Delegation.Members)
                .Where(m => m.FullName == "Aminah Yusof")
                .Select(m => m.Id)
                .SingleAsync()
        );

        var editForm = await staff.GetPageAsync($"/Visits/Roster/{visitId}?edit={memberId}");
        Assert.Contains("Edit Aminah Yusof", editForm, StringComparison.Ordinal);
        Assert.Contains("value=\"Aminah Yusof\"", editForm, StringComparison.Ordinal);
        using var edited = await staff.PostFormAsync(
            $"/Visits/Roster/{visitId}?edit={memberId}",
            [
                new("Input.Version", VersionOn(editForm)),
                new("Input.MemberId", memberId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Input.FullName", "Aminah binti Yusof"),
                new("Input.Role", nameof(DelegationRole.Interpreter)),
            ],
            action: $"/Visits/Roster/{visitId}?handler=Edit&edit={memberId}"
        );
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var confirm = await staff.GetPageAsync($"/Visits/Roster/{visitId}?remove={memberId}");
        Assert.Contains("Remove Aminah binti Yusof from the roster?", confirm, StringComparison.Ordinal);
        using var removed = await staff.PostFormAsync(
            $"/Visits/Roster/{visitId}",
            [
                new("Input.Version", VersionOn(confirm)),
                new("Input.MemberId", memberId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            action: $"/Visits/Roster/{visitId}?handler=Remove"
        );

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains(
            "Aminah binti Yusof was removed from the roster.",
            await staff.GetPageAsync(removed.Headers.Location!.OriginalString),
            StringComparison.Ordinal
        );
        Assert.Equal(["Lee Kai Yet"], await NamesOnRosterAsync(visitId));
    }

    [Fact]
    public async Task The_second_of_two_editors_of_a_delegate_keeps_their_input_and_sees_the_first_ones_beside_it()
    {
        var visitId = await NewVisitAsync("Seremban Roster Conflict");
        var (first, second) = (await StaffAsync(), await StaffAsync());
        using var uploaded = await UploadAsync(
            first,
            visitId,
            "roster.csv",
            Encoding.UTF8.GetBytes("name,role\nAminah Yusof,delegate\n")
        );
        var memberId = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId).SelectMany(v => v.Delegation.Members).Select(m => m.Id).SingleAsync()
        );
        var editAddress = $"/Visits/Roster/{visitId}?edit={memberId}";
        var version = VersionOn(await second.GetPageAsync(editAddress));
        KeyValuePair<string, string>[] Member(string name, string dietary) =>
            [
                new("Input.Version", version),
                new("Input.MemberId", $"{memberId}"),
                new("Input.FullName", name),
                new("Input.Role", nameof(DelegationRole.Delegate)),
                new("Input.DietaryNeeds", dietary),
            ];
        var action = $"/Visits/Roster/{visitId}?handler=Edit&edit={memberId}";

        using var firstSave = await first.PostFormAsync(editAddress, Member("Aminah binti Yusof", ""), action);
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        using var secondSave = await second.PostFormAsync(editAddress, Member("Aminah Yusof", "Halal"), action);

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await secondSave.Content.ReadAsStringAsync());
        Assert.Equal(
            "Aminah binti Yusof",
            page.QuerySelector("#saved-meanwhile-Input_FullName .saved-meanwhile-value")?.TextContent
        );
        Assert.Equal("Aminah Yusof", page.QuerySelector<IHtmlInputElement>("#Input_FullName")!.Value);
        Assert.Equal("Halal", page.QuerySelector<IHtmlTextAreaElement>("#Input_DietaryNeeds")!.Value);
        Assert.Null(page.QuerySelector("#saved-meanwhile-Input_Role"));
        Assert.NotEqual(version, VersionOn(page.DocumentElement.OuterHtml));
        Assert.Equal(["Aminah binti Yusof"], await NamesOnRosterAsync(visitId));
    }

    [Fact]
    public async Task Staff_upload_a_roster_file_and_it_replaces_the_roster()
    {
        var visitId = await NewVisitAsync("Seremban Roster Upload");
        var staff = await StaffAsync();
        var csv =
            "nombre;cargo;función\r\nLee Kai Yet;Councillor;Jefe de la delegación\r\n\"Tan; Mei Ling\";Officer;\r\n";

        using var response = await UploadAsync(
            staff,
            visitId,
            "roster.csv",
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]
        );

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await staff.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("2 delegates were imported. They replace the previous roster.", page, StringComparison.Ordinal);
        Assert.Equal(["Lee Kai Yet", "Tan; Mei Ling"], await NamesOnRosterAsync(visitId));
    }

    [Fact]
    public async Task An_uploaded_file_with_bad_rows_shows_the_report_and_imports_nothing()
    {
        var visitId = await NewVisitAsync("Seremban Roster Report");
        var staff = await StaffAsync();
        var csv =
            "name,email,role\n"
            + "Lee Kai Yet,lee.kaiyet@mbs.gov.my,head of delegation\n"
            + "Tan Mei Ling,tan(at)mbs.gov.my,\n"
            + "Ahmad Zaki,,mayor\n";

        using var response = await UploadAsync(staff, visitId, "roster.csv", Encoding.UTF8.GetBytes(csv));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was imported.", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>3</td>\s*<td>email</td>", page);
        Assert.Matches(@"<td>4</td>\s*<td>role</td>\s*<td>&quot;mayor&quot; is not a role", page);
        Assert.Empty(await NamesOnRosterAsync(visitId));
    }

    [Fact]
    public async Task The_template_downloads_as_utf8_csv_with_a_byte_order_mark()
    {
        var visitId = await NewVisitAsync("Seremban Roster Template");
        var staff = await StaffAsync();

        using var response = await staff.GetAsync($"/Visits/Roster/{visitId}?handler=Template");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("roster-template.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith(
            "name,title,organisation,role,email,dietary needs,accessibility needs",
            Encoding.UTF8.GetString(bytes[3..]),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_program_director_reads_the_roster_but_is_denied_when_posting()
    {
        var visitId = await NewVisitAsync("Seremban Roster Director");
        const string email = "director.roster@tests.wego";
        await portal.CreateStaffAsync(email, "Director-Password-2024", Roles.ProgramDirector);
        var director = PortalClient.For(portal, "en");
        await director.SignInAsync(email, "Director-Password-2024");

        var details = await director.GetPageAsync($"/Visits/Details/{visitId}");
        Assert.Contains($"href=\"/Visits/Delegation/{visitId}\"", details, StringComparison.Ordinal);
        Assert.Contains(
            "Delegation roster",
            await director.GetPageAsync($"/Visits/Delegation/{visitId}"),
            StringComparison.Ordinal
        );

        // The token comes from a page the director may open (the language switcher's form).
        using var response = await director.PostFormAsync(
            $"/Visits/Delegation/{visitId}",
            [new("Input.Version", "0"), new("Input.FullName", "Not Allowed")],
            action: $"/Visits/Roster/{visitId}?handler=Add"
        );
        using var opened = await director.GetAsync($"/Visits/Roster/{visitId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", opened.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Empty(await NamesOnRosterAsync(visitId));
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex Version();
}
