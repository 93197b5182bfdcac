using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The public visit request form, its status link and the staff's triage, over HTTP as a browser posts them.
/// </summary>
public sealed partial class VisitRequestPageTests(InquiryPortal portal) : IClassFixture<InquiryPortal>
{
    private const string Form = "/VisitRequests/Ask";

    private static string Day(int daysFromNow) =>
        DateTime.UtcNow.AddDays(daysFromNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static List<KeyValuePair<string, string>> Seremban(string language = "en") =>
        [
            .. JoinPageTests.Sender(TestData.DistinctCouncil(), language),
            new("Input.EarliestDate", Day(60)),
            new("Input.LatestDate", Day(64)),
            new("Input.Flexibility", "FewDaysEitherWay"),
            new("Input.DelegationSize", "36"),
            new("Input.Purpose", "Learn how Seoul runs its smart-city services."),
            new("Input.Topics", "FeasibilityStudies"),
            new("Input.Topics", "CapacityBuilding"),
            new("Input.OtherTopics", "Urban planning"),
            new("Input.Languages", "Malay, English"),
            new("Input.InterpretationNeeded", "true"),
            new("Input.ConsentGiven", "true"),
            new("website", ""),
        ];

    private Task<(int Requests, int Outbox)> StoredAsync() =>
        portal.WithDbAsync(async db => (await db.VisitRequests.CountAsync(), await db.OutboxMessages.CountAsync()));

    [GeneratedRegex("^/VisitRequests/Sent/([A-Za-z0-9_-]{43})$")]
    private static partial Regex SentAddress();

    [Fact]
    public async Task The_short_address_leads_to_the_public_form_with_its_protections()
    {
        using var shortAddress = await PortalClient.For(portal).GetAsync("/visit");
        var page = await PortalClient.For(portal).GetPageAsync(Form);

        Assert.Equal(HttpStatusCode.MovedPermanently, shortAddress.StatusCode);
        Assert.Equal(Form, shortAddress.Headers.Location!.OriginalString);
        Assert.Contains("Request a visit to WeGO", page, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);
        Assert.Contains("<input id=\"join-website\" name=\"website\"", page, StringComparison.Ordinal);
        var email = Regex.Match(page, """<input[^>]*name="Input.Email"[^>]*>""").Value;
        Assert.Contains("maxlength=\"320\"", email, StringComparison.Ordinal);
        Assert.Contains("required", email, StringComparison.Ordinal);
        // The same programmes as the membership form.
        Assert.Contains("value=\"SeoulSmartCityPrize\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"SmartCityChampions\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "Solicitar una visita a WeGO", "Primera fecha posible", "Número de personas de la delegación")]
    [InlineData("ko", "WeGO 방문 요청", "가능한 첫 날짜", "대표단 인원")]
    public async Task The_form_reads_in_the_visitors_language_and_preselects_it_for_replies(
        string language,
        string title,
        string earliest,
        string size
    )
    {
        var page = WebUtility.HtmlDecode(await PortalClient.For(portal, language).GetPageAsync(Form));

        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains(earliest, page, StringComparison.Ordinal);
        Assert.Contains(size, page, StringComparison.Ordinal);
        Assert.Contains(
            $"<option value=\"{language}\" lang=\"{language}\" selected=\"selected\">",
            page,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_valid_request_stores_one_request_and_two_mails_and_shows_the_reference_and_status_link()
    {
        var before = await StoredAsync();
        var client = PortalClient.For(portal, "es");

        using var posted = await client.PostFormAsync(Form, Seremban("es"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        var token = Assert.Single(SentAddress().Matches(location)).Groups[1].Value;
        Assert.Equal((before.Requests + 1, before.Outbox + 2), await StoredAsync());
        var request = await portal.WithDbAsync(db => db.VisitRequests.OrderBy(r => r.Id).LastAsync());
        Assert.Equal(36, request.DelegationSize);
        Assert.True(request.InterpretationNeeded);

        using var sent = await client.GetAsync(location);
        var page = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains(request.Reference, page, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/VisitRequests/Status/{token}", page, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(sent.Headers.GetValues("Referrer-Policy")));

        var status = WebUtility.HtmlDecode(await client.GetPageAsync($"/VisitRequests/Status/{token}"));
        Assert.Contains(request.Reference, status, StringComparison.Ordinal);
        Assert.Matches("""id="inquiry-stage">En manos de la Secretaría<""", status);
    }

    public static TheoryData<string, string, string> FieldErrors() =>
        new()
        {
            { "Input.OrganizationName", "", "'City or organisation' must not be empty." },
            { "Input.CountryCode", "ZZ", "Choose a country from the list." },
            { "Input.ContactName", "Lee\u0007", "This field contains characters that cannot be used here" },
            { "Input.Email", "lee@", "Enter a valid email address" },
            { "Input.Phone", "06 762 0000", "Write the phone number in international format" },
            { "Input.PreferredLanguage", "de", "Choose English, Spanish or Korean." },
            { "Input.EarliestDate", Day(-1), "The first date must not be in the past." },
            { "Input.LatestDate", Day(50), "The last date must not be before the first." },
            { "Input.Flexibility", "", "'Flexibility' must not be empty." },
            { "Input.DelegationSize", "0", "'Delegation size' must be between 1 and 1000. You entered 0." },
            { "Input.Purpose", "", "'Purpose' must not be empty." },
            { "Input.Topics", "None", "Choose the programmes from the list." },
            { "Input.OtherTopics", new string('o', 501), "must be 500 characters or fewer" },
            { "Input.ConsentGiven", "false", "Please agree that we may store your data for this purpose." },
        };

    [Theory]
    [MemberData(nameof(FieldErrors))]
    public async Task Each_invalid_field_shows_its_error_keeps_the_input_and_stores_nothing(
        string field,
        string value,
        string expected
    )
    {
        var before = await StoredAsync();

        using var response = await PortalClient
            .For(portal)
            .PostFormAsync(Form, JoinPageTests.With(Seremban(), field, value));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = field.Replace('.', '_');
        Assert.Matches($"""id="{id}-error">[^<]*{Regex.Escape(expected)}""", page);
        Assert.Contains("value=\"Councillor\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_filled_in_honeypot_gets_the_same_looking_confirmation_and_stores_nothing()
    {
        var before = await StoredAsync();
        var client = PortalClient.For(portal);

        using var posted = await client.PostFormAsync(
            Form,
            JoinPageTests.With(Seremban(), "website", "http://spam.example")
        );

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/VisitRequests/Sent", posted.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/VisitRequests/Sent");
        Assert.Contains("Thank you: your request was sent", page, StringComparison.Ordinal);
        Assert.DoesNotContain("WGV-", page, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_wrong_status_token_shows_nothing()
    {
        await portal.VisitRequestAsync();
        var client = PortalClient.For(portal);
        var wrong = Application.Common.PrivateLinks.NewStatusToken();

        using var status = await client.GetAsync($"/VisitRequests/Status/{wrong}");
        using var sent = await client.GetAsync($"/VisitRequests/Sent/{wrong}");
        using var shortAddress = await client.GetAsync($"/visit/status/{wrong}");

        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
        Assert.Equal($"/VisitRequests/Status/{wrong}", shortAddress.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task On_the_status_link_the_city_accepts_proposed_dates_or_answers_them()
    {
        var accepting = await portal.VisitRequestAsync();
        var answering = await portal.VisitRequestAsync();
        var proposed = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(100));
        foreach (var id in (int[])[accepting.Id, answering.Id])
        {
            await portal.SendAsync(
                new ProposeVisitDates.Command
                {
                    RequestId = id,
                    EarliestDate = proposed,
                    LatestDate = proposed.AddDays(2),
                    Message = "The Secretariat is free that week.",
                }
            );
        }

        var client = PortalClient.For(portal);
        var page = await client.GetPageAsync($"/VisitRequests/Status/{accepting.Token}");
        Assert.Contains("The Secretariat is free that week.", page, StringComparison.Ordinal);
        using var accepted = await client.PostFormAsync(
            $"/VisitRequests/Status/{accepting.Token}",
            [],
            $"/VisitRequests/Status/{accepting.Token}?handler=AcceptDates"
        );
        using var answered = await client.PostFormAsync(
            $"/VisitRequests/Status/{answering.Token}",
            [new("Reply.Answer", "Could we come in September?")],
            $"/VisitRequests/Status/{answering.Token}?handler=Answer"
        );

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var dates = await portal.StoredVisitRequestAsync(accepting.Id);
        Assert.Equal((proposed, proposed.AddDays(2)), (dates.EarliestDate, dates.LatestDate));
        Assert.Equal(VisitRequestStatus.Received, dates.Status);
        var answer = await portal.StoredVisitRequestAsync(answering.Id);
        Assert.Equal("Could we come in September?", answer.CityAnswer);
        Assert.Equal(VisitRequestStatus.Received, answer.Status);
    }

    [Fact]
    public async Task Staff_accept_a_request_from_its_prefilled_form_and_land_on_the_new_visit()
    {
        var sent = await portal.VisitRequestAsync();
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);
        var queue = await staff.GetPageAsync("/VisitRequests");
        Assert.Contains(sent.Reference, queue, StringComparison.Ordinal);

        var accept = $"/VisitRequests/Accept/{sent.Reference}";
        var form = await staff.GetPageAsync(accept);
        Assert.Contains("value=\"WeGO Secretariat, Seoul\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"10:00\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"36\"", form, StringComparison.Ordinal);

        using var posted = await staff.PostFormAsync(
            accept,
            [
                new("Input.RequestId", sent.Id.ToString(CultureInfo.InvariantCulture)),
                new("Input.Version", "0"),
                new("Input.Purpose", "Smart-city services"),
                new("Input.Date", Day(60)),
                new("Input.StartTime", "10:00"),
                new("Input.EndTime", "12:00"),
                new("Input.TimeZoneId", "Asia/Seoul"),
                new("Input.Venue", "WeGO Secretariat, Seoul"),
                new("Input.ExpectedHeadcount", "36"),
                new("Input.Languages", "Malay, English"),
            ]
        );

        var visitId = (await portal.StoredVisitRequestAsync(sent.Id)).VisitId;
        Assert.NotNull(visitId);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/Visits/Details/{visitId}", posted.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Staff_decline_with_a_reason_and_a_missing_reason_is_asked_for_on_the_change_page()
    {
        var sent = await portal.VisitRequestAsync();
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);
        var page = $"/VisitRequests/Details/{sent.Reference}";
        var decline = $"/VisitRequests/Change/{sent.Reference}?handler=Decline";
        List<KeyValuePair<string, string>> form =
        [
            new("Refusal.RequestId", sent.Id.ToString(CultureInfo.InvariantCulture)),
            new("Refusal.Version", "0"),
        ];

        using var empty = await staff.PostFormAsync(page, [.. form, new("Refusal.Reason", "")], decline);
        var refused = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Matches("""id="Refusal_Reason-error">Give the reason, for the city's reply.""", refused);
        Assert.Equal(VisitRequestStatus.Received, (await portal.StoredVisitRequestAsync(sent.Id)).Status);

        using var declined = await staff.PostFormAsync(
            page,
            [.. form, new("Refusal.Reason", "We are closed.")],
            decline
        );
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(page, declined.Headers.Location!.OriginalString);
        Assert.Equal(VisitRequestStatus.Declined, (await portal.StoredVisitRequestAsync(sent.Id)).Status);
        Assert.Contains("Status: declined", await staff.GetPageAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_director_reads_the_queue_and_a_request_but_cannot_act()
    {
        var sent = await portal.VisitRequestAsync();
        var director = await PortalClient.NewStaffSignedInAsync(portal, Roles.ProgramDirector);

        Assert.Contains(sent.Reference, await director.GetPageAsync("/VisitRequests"), StringComparison.Ordinal);
        var details = await director.GetPageAsync($"/VisitRequests/Details/{sent.Reference}");
        Assert.Contains(sent.OrganizationName, details, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decline-form\"", details, StringComparison.Ordinal);
        using var acceptPage = await director.GetAsync($"/VisitRequests/Accept/{sent.Reference}");
        Assert.StartsWith("/Account/AccessDenied", acceptPage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var decline = await director.PostFormAsync(
            $"/VisitRequests/Details/{sent.Reference}",
            [
                new("Refusal.RequestId", sent.Id.ToString(CultureInfo.InvariantCulture)),
                new("Refusal.Version", "0"),
                new("Refusal.Reason", "No"),
            ],
            $"/VisitRequests/Change/{sent.Reference}?handler=Decline"
        );

        Assert.StartsWith("/Account/AccessDenied", decline.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(VisitRequestStatus.Received, (await portal.StoredVisitRequestAsync(sent.Id)).Status);
    }

    [Fact]
    public async Task The_queue_is_closed_to_visitors_who_are_not_signed_in()
    {
        using var queue = await PortalClient.For(portal).GetAsync("/VisitRequests");

        Assert.StartsWith("/Account/SignIn", queue.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
