using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Privacy;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The administrator's pages for a person's request: the search shows each store, the export holds every
/// value (page and JSON) and is recorded, the erasure refuses a found set that changed since it was shown, and bad
/// input is told apart from an address the portal knows nothing about.</summary>
public sealed partial class PrivacyRequestPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_search_shows_every_store_and_the_export_holds_every_value_and_is_recorded()
    {
        var (email, name) = Person();
        await PersonEverywhere.PutAsync(portal, email, name, "+82 2 555 0101");
        var admin = await AdminAsync();
        var exportsBefore = (await ExportsAsync()).Count;

        var found = await PostAsync(admin, "/Privacy/Requests", [new("Input.Email", $"  {email.ToUpperInvariant()} ")]);
        foreach (var store in Stores)
        {
            Assert.Contains($"id=\"found-{store}\"", found, StringComparison.Ordinal);
        }

        Assert.Contains(WebUtility.HtmlEncode(name), found, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await PostAsync(admin, "/Privacy/Requests/Export", [new("Email", email)]));
        Assert.Contains($"Called {name} on +82 2 555 0101", page, StringComparison.Ordinal);
        Assert.Contains("signed-form.pdf", page, StringComparison.Ordinal);

        using var json = await admin.PostFormAsync(
            "/Privacy/Requests",
            [new("Email", email)],
            "/Privacy/Requests/Export?handler=Json"
        );
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStreamAsync());
        var root = document.RootElement;
        Assert.Equal(email, root.GetProperty("email").GetString());
        var inquiry = Assert.Single(root.GetProperty("inquiries").EnumerateArray());
        Assert.Equal(name, inquiry.GetProperty("contactName").GetString());
        Assert.Contains(
            email,
            inquiry.GetProperty("notes")[0].GetProperty("text").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal("signed-form.pdf", root.GetProperty("applications")[0].GetProperty("documents")[0].GetString());
        Assert.Equal(name, root.GetProperty("visitRequests")[0].GetProperty("contactName").GetString());
        Assert.Equal(name, root.GetProperty("rosterEntries")[0].GetProperty("fullName").GetString());
        Assert.Equal(name, root.GetProperty("delegationContacts")[0].GetProperty("contactName").GetString());
        Assert.Equal("+82 2 555 0101", root.GetProperty("contacts")[0].GetProperty("phone").GetString());
        Assert.Contains(root.GetProperty("messages").EnumerateArray(), m =>
            m.GetProperty("body").GetString()!.Contains(name, StringComparison.Ordinal)
        );
        Assert.Contains(name, root.GetProperty("alsoKnownAs").EnumerateArray().Select(n => n.GetString()));

        // Both exports recorded, with counts and without the address.
        var exports = await ExportsAsync();
        Assert.Equal(exportsBefore + 2, exports.Count);
        Assert.All(exports, e => Assert.DoesNotContain(email, e.Counts, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, exports[^1].CountsByStore["Inquiries"]);
    }

    [Fact]
    public async Task The_erasure_refuses_when_what_was_found_changed_since_it_was_shown_and_erases_nothing()
    {
        var (email, name) = Person();
        var first = await InquiryAsync(email, name);
        var admin = await AdminAsync();
        var confirm = await PostAsync(admin, "/Privacy/Requests/Erase", [new("Email", email)]);
        var fingerprint = FingerprintField().Match(confirm).Groups[1].Value;
        Assert.NotEmpty(fingerprint);

        // Meanwhile the person writes again.
        var second = await InquiryAsync(email, name);
        var refused = await PostAsync(
            admin,
            "/Privacy/Requests/Erase?handler=Confirm",
            [new("Email", email), new("Fingerprint", fingerprint)]
        );

        Assert.Contains("changed since it was shown", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"erased\"", refused, StringComparison.Ordinal);
        var emails = await portal.WithDbAsync(db =>
            db.MembershipInquiries.Where(i => i.Id == first || i.Id == second).Select(i => i.Email).ToListAsync()
        );
        Assert.Equal([email, email], emails);
        Assert.Equal(
            0,
            await portal.WithDbAsync(db =>
                db.MembershipInquiries.CountAsync(i => (i.Id == first || i.Id == second) && i.Email == Erased.Mark)
            )
        );

        // The page shows what is held now, and confirming that erases both.
        var again = FingerprintField().Match(refused).Groups[1].Value;
        Assert.NotEqual(fingerprint, again);
        var erased = await PostAsync(
            admin,
            "/Privacy/Requests/Erase?handler=Confirm",
            [new("Email", email), new("Fingerprint", again)]
        );
        Assert.Contains("id=\"erased\"", erased, StringComparison.Ordinal);
        Assert.Equal(
            2,
            await portal.WithDbAsync(db =>
                db.MembershipInquiries.CountAsync(i => (i.Id == first || i.Id == second) && i.Email == Erased.Mark)
            )
        );
    }

    [Theory]
    [InlineData("", "field-validation-error")]
    [InlineData("not an address", "field-validation-error")]
    [InlineData("nobody-at-all@nowhere.example", "nothing-found")]
    public async Task Bad_input_gets_a_field_error_and_an_unknown_address_says_nothing_was_found(
        string email,
        string expected
    )
    {
        var admin = await AdminAsync();
        var page = await PostAsync(admin, "/Privacy/Requests", [new("Input.Email", email)]);
        Assert.Contains(expected, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_other_than_administrators_cannot_open_the_pages_nor_find_a_person()
    {
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Application.Staff.Roles.SecretariatStaff);
        using var response = await staff.GetAsync("/Privacy/Requests");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("nav-privacy-requests", await staff.GetPageAsync("/Dashboard"), StringComparison.Ordinal);
        var admin = await AdminAsync();
        Assert.Contains("nav-privacy-requests", await admin.GetPageAsync("/Dashboard"), StringComparison.Ordinal);
    }

    private static readonly string[] Stores =
    [
        "inquiries",
        "applications",
        "visit-requests",
        "rosters",
        "contacts",
        "messages",
    ];

    private static (string Email, string Name) Person()
    {
        var word = TestData.DistinctWord();
        return ($"{word}.person@example.org", $"Ana {char.ToUpperInvariant(word[0])}{word[1..]}");
    }

    private async Task<int> InquiryAsync(string email, string name) =>
        (await portal.MembershipInquiryAsync(change: c => c with { Email = email, ContactName = name })).Id;

    private async Task<PortalClient> AdminAsync()
    {
        var admin = PortalClient.For(portal);
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return admin;
    }

    private async Task<List<PrivacyRequest>> ExportsAsync() =>
        await portal.WithDbAsync(db =>
            db.PrivacyRequests.AsNoTracking()
                .Where(r => r.Kind == PrivacyRequestKind.Export)
                .OrderBy(r => r.Id)
                .ToListAsync()
        );

    private static async Task<string> PostAsync(
        PortalClient client,
        string action,
        IEnumerable<KeyValuePair<string, string>> fields
    )
    {
        using var response = await client.PostFormAsync("/Privacy/Requests", fields, action);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"Fingerprint\"[^>]*value=\"([0-9a-f]+)\"")]
    private static partial Regex FingerprintField();
}
