using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Script typed into any free-text field comes back as text: every form's fields are filled with payloads,
/// then every page of the portal is read with an HTML parser, which must find no element or attribute the payloads
/// would have injected, and each payload shown as text somewhere. CSV exports defuse spreadsheet formulas.</summary>
public sealed class XssTests(SecurityPortal fixture) : IClassFixture<SecurityPortal>
{
    private const string Injection =
        "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'><svg onload=alert(3)></textarea>"
        + "<b data-xss>x</b> javascript:alert(4)";

    private static readonly HtmlParser Parser = new();

    /// <summary>The value typed into the field <paramref name="field"/>: its name first, so each field's payload can be
    /// found.</summary>
    private static string Payload(string field) => $"{field}: {Injection}";

    [Fact]
    public async Task Payloads_in_every_free_text_field_are_shown_encoded_on_every_page()
    {
        var admin = fixture.Administrator;
        var fields = new List<string>();
        KeyValuePair<string, string> Field(string name)
        {
            fields.Add(name);
            return new(name, Payload(name));
        }

        // A colleague whose display name is a payload, hosting the visit and owning a follow-up.
        using (
            var created = await admin.PostAsync(
                "/Staff/Create",
                [
                    new("Input.Email", $"xss-{Guid.NewGuid():N}@tests.wego"),
                    Field("Input.DisplayName"),
                    new("Input.Roles", Roles.SecretariatStaff),
                ]
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        var colleague = await fixture.Portal.WithDbAsync(db =>
            db.Users.Where(u => u.DisplayName == Payload("Input.DisplayName")).Select(u => u.Id).SingleAsync()
        );
        using var scheduled = await admin.PostAsync(
            "/Visits/Schedule",
            [
                Field("Input.OrganizationName"),
                Field("Input.LocalName"),
                new("Input.CountryCode", "MY"),
                new("Input.Kind", "LocalGovernment"),
                new("Input.CreateNewOrganization", "true"),
                Field("Input.Purpose"),
                new("Input.Date", "2030-01-15"),
                new("Input.StartTime", "10:00"),
                new("Input.EndTime", "11:00"),
                new("Input.TimeZoneId", "Asia/Seoul"),
                Field("Input.Venue"),
                new("Input.HostStaffIds", colleague),
                Field("Input.OtherHostName"),
                Field("Input.OtherHostTitle"),
                Field("Input.HeadOfDelegation"),
                Field("Input.HeadOfDelegationTitle"),
                new("Input.ExpectedHeadcount", "5"),
                Field("Input.Languages"),
            ]
        );
        Assert.True(
            scheduled.StatusCode == HttpStatusCode.Redirect,
            Problems(await scheduled.Content.ReadAsStringAsync())
        );
        var visit = int.Parse(
            scheduled.Headers.Location!.OriginalString.Split('/').Last(),
            CultureInfo.InvariantCulture
        );

        await PostAsync(
            $"/Visits/Agenda/{visit}?handler=Add",
            [
                new("NewItem.Version", await VersionAsync(visit)),
                Field("NewItem.Title"),
                Field("NewItem.Speaker"),
                Field("NewItem.Notes"),
            ]
        );
        await PostAsync(
            $"/Visits/Roster/{visit}?handler=Add",
            [
                new("Input.Version", await VersionAsync(visit)),
                Field("Input.FullName"),
                Field("Input.Title"),
                Field("Input.Organization"),
                new("Input.Role", "Delegate"),
                new("Input.Email", "\"><img src=x onerror=alert(5)>@example.org"),
                Field("Input.DietaryNeeds"),
                Field("Input.AccessibilityNeeds"),
            ]
        );
        await PostAsync(
            $"/Visits/Topics/{visit}",
            [new("Input.Version", await VersionAsync(visit)), Field("Input.Topic")]
        );
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await PostAsync(
            $"/Visits/FollowUps/{visit}",
            [
                Field("Input.Description"),
                Field("Input.OwnerName"),
                new("Input.OwnerUserId", ""),
                new("Input.DueOn", Iso(today.AddDays(-3))),
            ]
        );
        await PostAsync(
            $"/Visits/FollowUps/{visit}",
            [
                new("Input.Description", "Owned by the colleague"),
                new("Input.OwnerUserId", colleague),
                new("Input.DueOn", Iso(today.AddDays(-2))),
            ]
        );
        await PostAsync(
            $"/Visits/Status/{visit}?handler=Cancel",
            [new("Input.Version", await VersionAsync(visit)), Field("Input.Reason")]
        );

        var member = await fixture.Portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visit).SelectMany(v => v.Delegation.Members).Select(m => m.Id).SingleAsync()
        );
        var item = await fixture.Portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visit).SelectMany(v => v.Agenda).Select(i => i.Id).SingleAsync()
        );
        var followUp = await fixture.Portal.WithDbAsync(db =>
            db.FollowUps.Where(f => f.VisitId == visit).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync()
        );
        string? Sample(string page, string parameter) =>
            (page, parameter) switch
            {
                ("/Staff/Edit" or "/Staff/Sessions", "id") => colleague,
                ("/FollowUps/Status", "id") => followUp.ToString(CultureInfo.InvariantCulture),
                (_, "id") => visit.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };

        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var addresses = PortalEndpoints
            .All.Where(e => e.IsGet)
            .Select(e => fixture.Address(e, Sample))
            .Concat([
                "/Visits?Filter.Text=Input.OrganizationName",
                "/Visits/Calendar?date=2030-01-15",
                "/Visits/Calendar?view=week&date=2030-01-15",
                $"/Visits/Roster/{visit}?edit={member}",
                $"/Visits/Roster/{visit}?remove={member}",
                $"/Visits/Agenda/{visit}?edit={item}",
            ]);
        foreach (var address in addresses)
        {
            using var response = await admin.GetAsync(address);
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                pages[address] = await response.Content.ReadAsStringAsync();
            }
        }

        // A refused form shows the typed values again.
        using (
            var refused = await admin.PostAsync(
                "/Visits/Schedule",
                [
                    Field("Input.Purpose"),
                    Field("Input.Venue"),
                    Field("Input.OrganizationName"),
                    new("Input.CountryCode", "MY"),
                ]
            )
        )
        {
            pages["POST /Visits/Schedule refused"] = await refused.Content.ReadAsStringAsync();
        }

        // The colleague's own pages show their name in the header.
        var asColleague = await SignInAsColleagueAsync(colleague);
        pages["/ as the colleague"] = await asColleague.GetPageAsync("/");

        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (address, html) in pages)
        {
            var document = Parser.ParseDocument(html);
            var injected = document.All.Where(IsInjected).Select(e => e.OuterHtml).ToList();
            Assert.True(injected.Count == 0, $"{address} has injected markup: {string.Join(" | ", injected)}");
            var texts = document
                .All.SelectMany(e => e.Attributes.Select(a => a.Value))
                .Append(document.Body?.TextContent ?? "")
                .ToList();
            shown.UnionWith(fields.Where(f => texts.Any(t => t.Contains(Payload(f), StringComparison.Ordinal))));
        }

        Assert.Empty(fields.Distinct().Except(shown));
    }

    [Fact]
    public async Task Csv_export_defuses_formulas_typed_into_any_field()
    {
        var formulas = new[] { "=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1,2)", "-2+3", "@cmd", "\t=1+1" };
        using var scheduled = await fixture.Administrator.PostAsync(
            "/Visits/Schedule",
            [
                new("Input.OrganizationName", formulas[0]),
                new("Input.CountryCode", "KR"),
                new("Input.CreateNewOrganization", "true"),
                new("Input.Purpose", "Formula check"),
                new("Input.Date", "2030-02-01"),
                new("Input.StartTime", "10:00"),
                new("Input.EndTime", "11:00"),
                new("Input.TimeZoneId", "Asia/Seoul"),
                new("Input.Venue", "Room 1"),
                new("Input.HeadOfDelegation", formulas[1]),
                new("Input.OtherHostName", formulas[2]),
                new("Input.OtherHostTitle", formulas[3]),
            ]
        );
        Assert.True(
            scheduled.StatusCode == HttpStatusCode.Redirect,
            Problems(await scheduled.Content.ReadAsStringAsync())
        );

        using var export = await fixture.Administrator.GetAsync("/Visits?handler=Csv&Filter.Text=HYPERLINK");
        var rows = Csv.Read(await export.Content.ReadAsByteArrayAsync()).Skip(1).ToList();

        var row = Assert.Single(rows);
        Assert.All(row.Fields, field =>
            Assert.False(
                field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r',
                $"CSV field {field} starts a formula"
            )
        );
        Assert.Contains(row.Fields, field => field == "'" + formulas[0]);
        Assert.Contains(row.Fields, field => field == "'" + formulas[1]);
    }

    [Fact]
    public void The_check_finds_what_an_unencoded_payload_injects_and_nothing_in_an_encoded_one()
    {
        var raw = Parser.ParseDocument($"<p>{Injection}</p><a href=\"javascript:alert(1)\">x</a>");
        var safe = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(Injection);
        var encoded = Parser.ParseDocument($"<p>{safe}</p><input value=\"{safe}\">");

        Assert.Equal(["script", "img", "svg", "b", "a"], raw.All.Where(IsInjected).Select(e => e.LocalName).Distinct());
        Assert.DoesNotContain(encoded.All, IsInjected);
    }

    /// <summary>An element or attribute that only a payload could have put there.</summary>
    private static bool IsInjected(IElement element) =>
        (element.LocalName == "script" && (!element.HasAttribute("src") || element.TextContent.Trim().Length > 0))
        || (element.LocalName == "img" && element.GetAttribute("src") == "x")
        || element.HasAttribute("data-xss")
        || element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        || element.Attributes.Any(a =>
            a.Name is "href" or "src" or "action" or "formaction"
            && a.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
        );

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Problems(string html) =>
        string.Join(
            " ",
            Parser
                .ParseDocument(html)
                .QuerySelectorAll(".alert, .invalid-feedback, .field-validation-error")
                .Select(e => e.TextContent.Trim())
        );

    private Task<string> VersionAsync(int visit) =>
        fixture.Portal.WithDbAsync(async db =>
            (await db.Visits.Where(v => v.Id == visit).Select(v => v.Version).SingleAsync()).ToString(
                CultureInfo.InvariantCulture
            )
        );

    private async Task PostAsync(string address, List<KeyValuePair<string, string>> fields)
    {
        using var response = await fixture.Administrator.PostAsync(address, fields);
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect,
            $"POST {address} answered {(int)response.StatusCode}: "
                + Problems(await response.Content.ReadAsStringAsync())
        );
    }

    /// <summary>Signs in as the colleague created through the form, with a password set here instead of their one-time
    /// one.</summary>
    private async Task<PortalClient> SignInAsColleagueAsync(string id)
    {
        await using (var scope = fixture.Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(id))!;
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, Visitor.Password);
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            var client = PortalClient.For(fixture.Portal);
            await client.SignInAsync(user.Email!, Visitor.Password);
            return client;
        }
    }
}
