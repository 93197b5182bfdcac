using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The public forms' long choice lists, rendered once per list and language and kept (decision 0042): they
/// follow a commit at the very next request in every language, and a refused post shows the sender's choices selected
/// again.</summary>
public sealed partial class PublicFormChoicesTests(InquiryPortal portal) : IClassFixture<InquiryPortal>
{
    private static readonly string[] Languages = ["en", "es", "ko"];

    [Fact]
    public async Task A_confirmed_visit_is_offered_at_the_very_next_request_in_every_language()
    {
        var city = TestData.Unique("Kept Choice City");
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        var visitId = await portal.ScheduleVisitAsync(c => c with { OrganizationName = city, Date = date });
        foreach (var language in Languages)
        {
            // Only confirmed visits are offered: this showing is rendered and kept without it.
            var before = await PortalClient.For(portal, language).GetPageAsync("/Membership/Join");
            Assert.DoesNotContain(city, before, StringComparison.Ordinal);
        }

        await portal.SendAsync(new ConfirmVisit.Command(visitId, 0));

        foreach (var language in Languages)
        {
            var after = await PortalClient.For(portal, language).GetPageAsync("/Membership/Join");
            var day = Dates.Day(date, Dates.Culture(language));
            Assert.Contains($"<option value=\"{visitId}\">{city} · {day}</option>", after, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refused_membership_inquiry_shows_its_country_and_visit_selected_again()
    {
        var city = TestData.Unique("Reselected City");
        var visitId = await portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = city,
                Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)),
            }
        );
        await portal.SendAsync(new ConfirmVisit.Command(visitId, 0));
        var form = JoinPageTests.With(
            JoinPageTests.With(JoinPageTests.Seremban(language: "ko"), "Input.Email", "not an address"),
            "Input.VisitId",
            visitId.ToString(CultureInfo.InvariantCulture)
        );

        foreach (var language in Languages)
        {
            var page = await RefusedAsync(PortalClient.For(portal, language), "/Membership/Join", form);

            Assert.Equal(["MY"], SelectedIn(page, "Input.CountryCode"));
            Assert.Equal([visitId.ToString(CultureInfo.InvariantCulture)], SelectedIn(page, "Input.VisitId"));
            Assert.Equal(["ko"], SelectedIn(page, "Input.PreferredLanguage"));
            Assert.Contains("value=\"not an address\"", page, StringComparison.Ordinal);
        }

        // The next visitor's form has nothing chosen: the kept list was not changed by the one shown again.
        var fresh = await PortalClient.For(portal, "en").GetPageAsync("/Membership/Join");
        Assert.Empty(SelectedIn(fresh, "Input.CountryCode"));
        Assert.Empty(SelectedIn(fresh, "Input.VisitId"));
    }

    [Fact]
    public async Task A_refused_visit_request_shows_its_country_selected_again_with_names_in_the_readers_language()
    {
        var form = JoinPageTests.With(JoinPageTests.Sender("Seremban City Council", "es"), "Input.Email", "nope");

        var spanish = await RefusedAsync(PortalClient.For(portal, "es"), "/VisitRequests/Ask", form);
        var korean = await RefusedAsync(PortalClient.For(portal, "ko"), "/VisitRequests/Ask", form);

        Assert.Equal(["MY"], SelectedIn(spanish, "Input.CountryCode"));
        Assert.Equal(["MY"], SelectedIn(korean, "Input.CountryCode"));
        Assert.Contains("<option value=\"KR\">Corea del Sur</option>", spanish, StringComparison.Ordinal);
        Assert.Contains("<option value=\"KR\">대한민국</option>", korean, StringComparison.Ordinal);
        Assert.Contains(
            "<option value=\"MY\" selected=\"selected\">말레이시아</option>",
            korean,
            StringComparison.Ordinal
        );
    }

    private static async Task<string> RefusedAsync(
        PortalClient client,
        string form,
        List<KeyValuePair<string, string>> fields
    )
    {
        using var answer = await client.PostFormAsync(form, fields);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        return page;
    }

    /// <summary>The values of the selected options of the select named <paramref name="name"/>.</summary>
    private static string[] SelectedIn(string page, string name)
    {
        var select = Regex.Match(
            page,
            $"<select[^>]*name=\"{Regex.Escape(name)}\"[^>]*>(.*?)</select>",
            RegexOptions.Singleline
        );
        Assert.True(select.Success, $"no select {name}");
        return [.. SelectedOption().Matches(select.Groups[1].Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"[^>]*selected=\"selected\"")]
    private static partial Regex SelectedOption();
}
