using System.Net;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>/Membership/Applications/New as staff use it without script: find the city record by any name it has,
/// choose it, name who signs and their language; the application opens and the applicant's status link is mailed. Every
/// refusal is shown on the page with what was typed, and writes nothing.</summary>
public sealed class DirectApplicationPageTests : IClassFixture<PortalFactory>
{
    private const string Page = "/Membership/Applications/New";

    private readonly PortalFactory portal;

    public DirectApplicationPageTests(PortalFactory portal)
    {
        this.portal = portal.Start();
    }

    private Task<PortalClient> SecretariatAsync() =>
        PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff, "en");

    private static List<KeyValuePair<string, string>> Fields(int? organizationId, string email, string language = "en")
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Input.ContactName", "Lee Kai Yet"),
            new("Input.ContactEmail", email),
            new("Input.Language", language),
        ];
        if (organizationId is { } id)
        {
            fields.Add(new("Input.OrganizationId", $"{id}"));
        }

        return fields;
    }

    private static string NewEmail() => $"{TestData.DistinctWord()}@example.org";

    /// <summary>The applications and mails a refused post must not have written: those of the organisation and of the
    /// address it was given.</summary>
    private Task<(int Applications, int Mails)> WrittenAsync(int organizationId, string email) =>
        portal.WithDbAsync(async db =>
            (
                await db.MembershipApplications.CountAsync(a => a.OrganizationId == organizationId),
                await db.OutboxMessages.CountAsync(m => m.To == email)
            )
        );

    [Fact]
    public async Task Staff_open_an_application_for_a_city_they_found_and_the_applicant_is_mailed_in_their_language()
    {
        var name = $"{TestData.DistinctWord()} Municipal Council";
        var city = await portal.CityRecordAsync(name);
        var email = NewEmail();
        var staff = await SecretariatAsync();

        var queue = await staff.GetPageAsync("/Membership/Applications");
        Assert.Contains("id=\"new-application\"", queue, StringComparison.Ordinal);
        var found = await staff.GetPageAsync($"{Page}?Search={Uri.EscapeDataString(name)}");
        Assert.Contains($"data-organization=\"{city}\"", found, StringComparison.Ordinal);
        Assert.Contains("Leads to: Associate member, then Full member", found, StringComparison.Ordinal);
        using var opened = await staff.PostFormAsync(Page, Fields(city, email, "ko"));

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var details = await staff.GetPageAsync(opened.Headers.Location!.OriginalString);
        Assert.Contains(
            $"Application opened; its status link was mailed to {email}.",
            details,
            StringComparison.Ordinal
        );
        var application = await portal.WithDbAsync(db =>
            db.MembershipApplications.SingleAsync(a => a.OrganizationId == city)
        );
        Assert.Null(application.InquiryId);
        Assert.EndsWith(
            $"/Details/{application.Id}",
            opened.Headers.Location!.OriginalString,
            StringComparison.Ordinal
        );
        var mail = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == email));
        Assert.Equal("ko", mail.Language);
        Assert.Contains(application.Reference, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("/Membership/Status/", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Lee Kai Yet", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_picker_finds_a_city_by_its_Korean_name_and_tells_two_of_that_name_apart_by_country()
    {
        var korean = $"세렘반시 {TestData.Unique("의회")}";
        var inMalaysia = await portal.CityRecordAsync(localName: korean);
        var inKorea = await portal.CityRecordAsync(localName: korean, countryCode: "KR", region: Region.AsiaPacific);
        var staff = await SecretariatAsync();

        var found = await staff.GetPageAsync($"{Page}?Search={Uri.EscapeDataString(korean)}");

        foreach (var (id, country) in new[] { (inMalaysia, "MY"), (inKorea, "KR") })
        {
            var row = found[found.IndexOf($"data-organization=\"{id}\"", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</li>", StringComparison.Ordinal)];
            Assert.Contains(korean, row, StringComparison.Ordinal);
            Assert.Contains(Countries.EnglishName(country), row, StringComparison.Ordinal);
            Assert.Contains($"type=\"radio\" id=\"organisation-{id}\" value=\"{id}\"", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_search_keeps_what_was_typed_and_writes_nothing()
    {
        var name = $"{TestData.DistinctWord()} City";
        var city = await portal.CityRecordAsync(name);
        var email = NewEmail();
        var staff = await SecretariatAsync();

        using var searched = await staff.PostFormAsync(
            Page,
            [.. Fields(null, email, "es"), new("Search", name)],
            $"{Page}?handler=Search"
        );

        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var page = await searched.Content.ReadAsStringAsync();
        Assert.Contains($"data-organization=\"{city}\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"es\" lang=\"es\" selected=\"selected\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Choose the organisation that applies.", page, StringComparison.Ordinal);
        // The search was posted to ?handler=Search: opening must post to the page itself, not search again.
        Assert.Contains($"action=\"{Page}\"", page, StringComparison.Ordinal);
        Assert.Equal((0, 0), await WrittenAsync(city, email));
    }

    [Fact]
    public async Task No_organisation_chosen_is_refused_with_its_message_and_what_was_typed()
    {
        var email = NewEmail();
        var staff = await SecretariatAsync();

        using var refused = await staff.PostFormAsync(Page, [.. Fields(null, email), new("Search", "Seremban")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Choose the organisation that applies.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"organisation-error\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Seremban\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email)));
    }

    [Fact]
    public async Task A_bad_email_is_refused_on_its_field_with_the_city_still_chosen()
    {
        var city = await portal.CityRecordAsync();
        var staff = await SecretariatAsync();

        using var refused = await staff.PostFormAsync(Page, Fields(city, "lee.kai.yet-at-example.org"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Matches(
            "id=\"Input_ContactEmail\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Input_ContactEmail\"",
            page
        );
        Assert.Contains("value=\"lee.kai.yet-at-example.org\"", page, StringComparison.Ordinal);
        Assert.Matches($"value=\"{city}\"\\s+name=\"Input.OrganizationId\"\\s+checked=\"checked\"", page);
        Assert.Equal((0, 0), await WrittenAsync(city, "lee.kai.yet-at-example.org"));
    }

    [Fact]
    public async Task A_member_already_is_refused_with_its_message_and_nothing_written()
    {
        var accepted = await portal.AcceptedApplicationAsync("en");
        var city = (await portal.SendAsync(new GetApplication.Query(accepted)))!.OrganizationId;
        var email = NewEmail();
        var before = await WrittenAsync(city, email);
        var staff = await SecretariatAsync();

        using var refused = await staff.PostFormAsync(Page, Fields(city, email));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("This organisation is already in the member registry.", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", page, StringComparison.Ordinal);
        Assert.Contains("Already a member", page, StringComparison.Ordinal);
        Assert.Equal(before, await WrittenAsync(city, email));
    }

    [Fact]
    public async Task An_organisation_with_an_application_on_its_way_is_refused_with_its_message_and_nothing_written()
    {
        var city = await portal.CityRecordAsync();
        await portal.DirectApplicationAsync(city);
        var email = NewEmail();
        var staff = await SecretariatAsync();

        using var refused = await staff.PostFormAsync(Page, Fields(city, email));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("This organisation already has an application on its way.", page, StringComparison.Ordinal);
        Assert.Contains("Application on its way", page, StringComparison.Ordinal);
        Assert.Equal((1, 0), await WrittenAsync(city, email));
    }

    [Fact]
    public async Task Anonymous_visitors_and_program_directors_cannot_open_an_application()
    {
        var city = await portal.CityRecordAsync();
        var email = NewEmail();
        var anonymous = PortalClient.For(portal, "en");
        var director = await PortalClient.NewStaffSignedInAsync(portal, Roles.ProgramDirector, "en");

        using var anonymousPage = await anonymous.GetAsync(Page);
        using var anonymousPost = await anonymous.PostFormAsync("/Membership/Join", Fields(city, email), Page);
        using var directorPage = await director.GetAsync(Page);
        using var directorPost = await director.PostFormAsync("/Membership/Applications", Fields(city, email), Page);

        foreach (var answer in new[] { anonymousPage, anonymousPost })
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Contains("/Account/SignIn", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        foreach (var answer in new[] { directorPage, directorPost })
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Contains("/Account/AccessDenied", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(
            "id=\"new-application\"",
            await director.GetPageAsync("/Membership/Applications"),
            StringComparison.Ordinal
        );
        Assert.Equal((0, 0), await WrittenAsync(city, email));
    }
}
