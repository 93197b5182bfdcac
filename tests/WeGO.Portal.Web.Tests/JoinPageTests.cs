using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The portal with the inquiry rate limit raised, so a test class can post as often as it needs.</summary>
public sealed class InquiryPortal : PortalFactory
{
    public InquiryPortal()
    {
        Settings["Portal:Inquiries:RateLimit:PermitLimit"] = "100000";
        Start();
    }
}

public sealed partial class JoinPageTests(InquiryPortal portal) : IClassFixture<InquiryPortal>
{
    internal static List<KeyValuePair<string, string>> Seremban(
        string name = "Seremban City Council",
        string language = "en"
    ) =>
        [
            .. Sender(name, language),
            new("Input.Kind", "LocalGovernment"),
            new("Input.Population", "680000"),
            new("Input.Interests", "FeasibilityStudies"),
            new("Input.Interests", "CapacityBuilding"),
            new("Input.OtherInterest", "Urban planning"),
            new("Input.HeardFrom", "Our visit"),
            new("Input.VisitId", ""),
            new("Input.Message", "Tell us about membership, please."),
            new("Input.ConsentGiven", "true"),
            new("website", ""),
        ];

    /// <summary>Seremban's official as every public form asks them: the organisation, its country, the contact.
    /// </summary>
    internal static List<KeyValuePair<string, string>> Sender(string name, string language) =>
        [
            new("Input.OrganizationName", name),
            new("Input.CountryCode", "MY"),
            new("Input.ContactName", "Lee Kai Yet"),
            new("Input.ContactPosition", "Councillor"),
            new("Input.Email", "lee.kaiyet@mbs.gov.my"),
            new("Input.Phone", "+60 6-762 0000"),
            new("Input.PreferredLanguage", language),
        ];

    internal static List<KeyValuePair<string, string>> With(
        List<KeyValuePair<string, string>> form,
        string field,
        string value
    ) => [.. form.Where(f => f.Key != field), new(field, value)];

    private Task<(int Inquiries, int Outbox, int Organizations)> StoredAsync() =>
        portal.WithDbAsync(async db =>
            (
                await db.MembershipInquiries.CountAsync(),
                await db.OutboxMessages.CountAsync(),
                await db.Organizations.CountAsync()
            )
        );

    [Fact]
    public async Task The_form_is_public_with_accessible_client_side_hints()
    {
        var page = await PortalClient.For(portal).GetPageAsync("/Membership/Join");

        Assert.Contains("Join WeGO", page, StringComparison.Ordinal);
        var email = Regex.Match(page, """<input[^>]*name="Input.Email"[^>]*>""").Value;
        Assert.Contains("type=\"email\"", email, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"320\"", email, StringComparison.Ordinal);
        Assert.Contains("required", email, StringComparison.Ordinal);
        var phone = Regex.Match(page, """<input[^>]*name="Input.Phone"[^>]*>""").Value;
        Assert.Contains("type=\"tel\"", phone, StringComparison.Ordinal);
        Assert.Contains("pattern=", phone, StringComparison.Ordinal);
        Assert.Matches("""<label[^>]*for="Input_ContactName""", page);
        Assert.Matches(
            """<div class="join-extra" aria-hidden="true">\s*<label[^>]*>[^<]*</label>\s*"""
                + """<input id="join-website" name="website" type="text" tabindex="-1" autocomplete="off"\s""",
            page
        );
        Assert.Contains("href=\"/Privacy\"", page, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"es\" lang=\"es\">Español</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_reads_in_the_visitors_language_and_preselects_it_for_replies()
    {
        var page = await PortalClient.For(portal, "ko").GetPageAsync("/Membership/Join");

        Assert.Contains("회원 가입 문의", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ko\" lang=\"ko\" selected=\"selected\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visit_in_the_address_is_preselected()
    {
        var city = TestData.Unique("Seremban City Council");
        // Only confirmed or completed visits of the last three years are offered.
        var visitId = await portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = city,
                Date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            }
        );
        await portal.SendAsync(new ConfirmVisit.Command(visitId, 0));

        var page = await PortalClient.For(portal).GetPageAsync($"/Membership/Join?visit={visitId}");
        var unknown = await PortalClient.For(portal).GetPageAsync("/Membership/Join?visit=424242");

        Assert.Matches($"""<option value="{visitId}" selected="selected">{city} · """, page);
        Assert.DoesNotContain($"selected=\"selected\">{city}", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_submission_stores_one_inquiry_two_mails_and_leads_to_the_confirmation_with_status_link()
    {
        // The misspelt name below is matched to the council already on record. Another test of this class used to be
        // what put it there, so the test failed when it ran alone: it makes sure of the council itself.
        await portal.WithDbAsync(async db =>
        {
            if (!await db.Organizations.AnyAsync(o => o.Name == "Seremban City Council"))
            {
                db.Organizations.Add(
                    new Organization(
                        "Seremban City Council",
                        "MY",
                        Region.AsiaPacific,
                        OrganizationKind.LocalGovernment
                    )
                );
                await db.SaveChangesAsync();
            }

            return true;
        });
        var before = await StoredAsync();
        var client = PortalClient.For(portal, "es");

        using var posted = await client.PostFormAsync(
            "/Membership/Join",
            Seremban("Seremban City Counsil", language: "es")
        );

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        var token = Assert.Single(SentAddress().Matches(location)).Groups[1].Value;
        Assert.Equal((before.Inquiries + 1, before.Outbox + 2, before.Organizations), await StoredAsync());

        var inquiry = await portal.WithDbAsync(db => db.MembershipInquiries.OrderBy(i => i.Id).LastAsync());
        var seremban = await portal.WithDbAsync(db =>
            db.Organizations.SingleAsync(o => o.Name == "Seremban City Council")
        );
        Assert.Equal(seremban.Id, inquiry.OrganizationId);
        var mails = await portal.WithDbAsync(db =>
            db.OutboxMessages.OrderByDescending(m => m.Id).Take(2).ToListAsync()
        );
        var confirmation = Assert.Single(mails, m => m.To == "lee.kaiyet@mbs.gov.my");
        var notification = Assert.Single(mails, m => m.To == "secretariat@wego-portal.local");
        Assert.Equal("es", confirmation.Language);
        Assert.Contains("Estimado/a Lee Kai Yet", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains($"/Membership/Status/{token}", confirmation.Body, StringComparison.Ordinal);
        Assert.Equal("en", notification.Language);
        Assert.Contains(inquiry.Reference, notification.Body, StringComparison.Ordinal);

        using var sent = await client.GetAsync(location);
        var page = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains(inquiry.Reference, page, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/Membership/Status/{token}", page, StringComparison.Ordinal);
        Assert.Contains("Próximos pasos", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", page, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(sent.Headers.GetValues("Referrer-Policy")));
    }

    public static TheoryData<string, string, string, string> FieldErrors() =>
        new()
        {
            { "Input.OrganizationName", "", "en", "'City or organisation' must not be empty." },
            { "Input.OrganizationName", "", "es", "'Ciudad u organización' no debería estar vacío." },
            { "Input.CountryCode", "ZZ", "en", "Choose a country from the list." },
            { "Input.CountryCode", "ZZ", "es", "Elija un país de la lista." },
            { "Input.Kind", "", "en", "'Kind of organisation' must not be empty." },
            { "Input.Kind", "", "es", "'Tipo de organización' no debe estar vacío." },
            { "Input.Population", "0", "en", "'Population' must be between 1 and 100000000. You entered 0." },
            {
                "Input.Population",
                "-4",
                "es",
                "'Población' debe estar entre 1 y 100000000. Actualmente tiene un valor de -4."
            },
            { "Input.ContactName", "", "en", "'Contact person' must not be empty." },
            { "Input.ContactName", "Lee\u0007", "es", "Este campo contiene caracteres que no se pueden usar aquí" },
            {
                "Input.ContactPosition",
                new string('p', 201),
                "en",
                "The length of 'Position' must be 200 characters or fewer. You entered 201 characters."
            },
            { "Input.Email", "lee@", "en", "Enter a valid email address" },
            { "Input.Email", "lee@", "es", "Escriba una dirección de correo electrónico válida" },
            { "Input.Phone", "06 762 0000", "en", "Write the phone number in international format" },
            { "Input.Phone", "06 762 0000", "es", "Escriba el teléfono en formato internacional" },
            { "Input.PreferredLanguage", "de", "en", "Choose English, Spanish or Korean." },
            { "Input.PreferredLanguage", "de", "es", "Elija inglés, español o coreano." },
            // A refused box is reported under the list it belongs to, not lost as "Input.Interests[0]".
            { "Input.Interests", "None", "en", "Choose the programmes from the list." },
            {
                "Input.OtherInterest",
                new string('o', 501),
                "es",
                "'Otro interés' debe ser menor o igual que 500 caracteres. Ingresó 501 caracteres."
            },
            {
                "Input.HeardFrom",
                new string('h', 501),
                "en",
                "The length of 'How you heard of WeGO' must be 500 characters or fewer."
            },
            {
                "Input.Message",
                new string('m', 4001),
                "en",
                "The length of 'Message' must be 4000 characters or fewer."
            },
            { "Input.ConsentGiven", "false", "en", "Please agree that we may store your data for this purpose." },
            { "Input.ConsentGiven", "false", "es", "Acepte que guardemos sus datos con este fin." },
        };

    [Theory]
    [MemberData(nameof(FieldErrors))]
    public async Task Each_invalid_field_shows_its_localized_error_keeps_the_input_and_stores_nothing(
        string field,
        string value,
        string language,
        string expected
    )
    {
        var before = await StoredAsync();
        var client = PortalClient.For(portal, language);

        using var response = await client.PostFormAsync(
            "/Membership/Join",
            With(Seremban("Negeri Sembilan Test City"), field, value)
        );
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = field.Replace('.', '_');
        Assert.Matches($"""<div class="invalid-feedback[^"]*" id="{id}-error">[^<]*{Regex.Escape(expected)}""", page);
        Assert.Matches($"""aria-describedby="[^"]*{id}-error""", page);
        Assert.Contains(
            field == "Input.ContactPosition" ? value : "value=\"Councillor\"",
            page,
            StringComparison.Ordinal
        );
        Assert.Contains(
            field == "Input.Message" ? value : "Tell us about membership, please.",
            page,
            StringComparison.Ordinal
        );
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_value_that_does_not_bind_is_reported_with_the_other_errors_and_kept()
    {
        var before = await StoredAsync();
        var form = With(With(Seremban(), "Input.Population", "lots"), "Input.Email", "");

        using var response = await PortalClient.For(portal).PostFormAsync("/Membership/Join", form);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("""id="Input_Population-error">[^<]+""", page);
        Assert.Matches("""id="Input_Email-error">'Email' must not be empty.""", page);
        Assert.Contains("value=\"lots\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task An_unknown_visit_is_explained_above_the_form_and_nothing_is_stored()
    {
        var before = await StoredAsync();

        using var response = await PortalClient
            .For(portal)
            .PostFormAsync("/Membership/Join", With(Seremban(), "Input.VisitId", "999999"));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The visit you chose is not in our records.", page, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_filled_in_honeypot_gets_the_same_looking_confirmation_and_stores_nothing()
    {
        var before = await StoredAsync();
        var client = PortalClient.For(portal);

        using var posted = await client.PostFormAsync(
            "/Membership/Join",
            With(Seremban(), "website", "http://spam.example")
        );

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/Membership/Sent", posted.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/Membership/Sent");
        Assert.Contains("Thank you: your inquiry was sent", page, StringComparison.Ordinal);
        Assert.DoesNotContain("WGO-", page, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var before = await StoredAsync();
        using var content = new FormUrlEncodedContent(Seremban());

        using var response = await PortalClient
            .For(portal)
            .Http.PostAsync(new Uri("/Membership/Join", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task The_status_link_shows_the_stage_in_words_and_a_timeline_but_never_notes_or_owner()
    {
        var client = PortalClient.For(portal);
        using var posted = await client.PostFormAsync("/Membership/Join", Seremban());
        var token = SentAddress().Match(posted.Headers.Location!.OriginalString).Groups[1].Value;
        var reference = await portal.WithDbAsync(db =>
            db.MembershipInquiries.OrderBy(i => i.Id).Select(i => i.Reference).LastAsync()
        );

        using var fresh = await client.GetAsync($"/Membership/Status/{token}");
        var page = await fresh.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains(reference, page, StringComparison.Ordinal);
        Assert.Matches("""id="inquiry-stage">Received<""", page);
        Assert.Matches("""<li class="timeline-step current" aria-current="step">\s*Received""", page);
        Assert.Equal("no-referrer", Assert.Single(fresh.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", page, StringComparison.Ordinal);

        await portal.WithDbAsync(async db =>
        {
            var inquiry = await db.MembershipInquiries.Include(i => i.Notes).SingleAsync(i => i.Reference == reference);
            inquiry.MoveTo(InquiryStage.Contacted, DateTime.UtcNow);
            inquiry.AddNote("Internal: budget looks tight, keep an eye on it", "Lii Inn Tan", DateTime.UtcNow);
            inquiry.AssignTo(inquiry.RegionalOfficeId, "staff-user-id-42");
            return await db.SaveChangesAsync();
        });

        var korean = await PortalClient.For(portal, "ko").GetPageAsync($"/Membership/Status/{token}");
        Assert.Matches("""id="inquiry-stage">연락 중<""", korean);
        Assert.Matches("""<li class="timeline-step done">\s*접수됨""", korean);
        Assert.DoesNotContain("budget looks tight", korean, StringComparison.Ordinal);
        Assert.DoesNotContain("Lii Inn Tan", korean, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-user-id-42", korean, StringComparison.Ordinal);
        Assert.DoesNotContain("lee.kaiyet", korean, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Membership/Status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/Membership/Status/not-a-token")]
    [InlineData("/Membership/Status/%3Cscript%3E")]
    [InlineData("/Membership/Sent/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_wrong_or_malformed_token_gets_the_normal_404_page_and_reveals_nothing(string path)
    {
        await PortalClient.For(portal).PostFormAsync("/Membership/Join", Seremban());

        using var response = await PortalClient.For(portal).GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", page, StringComparison.Ordinal);
        Assert.DoesNotContain("WGO-", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Seremban", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_notice_is_public_and_says_whom_to_ask_for_deletion()
    {
        var page = await PortalClient.For(portal, "es").GetPageAsync("/Privacy");

        Assert.Contains("Aviso de privacidad", page, StringComparison.Ordinal);
        Assert.Contains("se borran 730 días después de que se rechace o se retire", page, StringComparison.Ordinal);
        Assert.Contains("mailto:secretariat@wego-portal.local", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_inquiry_stage_has_a_label_and_an_explanation()
    {
        var keys = System
            .Xml.Linq.XDocument.Load(RepositoryFiles.PathOf("src", "WeGO.Portal.Web", "Resources", "UiText.resx"))
            .Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet();

        Assert.All(Enum.GetNames<InquiryStage>(), stage =>
        {
            Assert.Contains($"InquiryStatus.Stage.{stage}", keys);
            Assert.Contains($"InquiryStatus.Explain.{stage}", keys);
        });
        Assert.All(Application.Membership.SubmitMembershipInquiry.Programmes, p =>
            Assert.Contains($"Join.Interest.{p}", keys)
        );
        Assert.All(Enum.GetNames<OrganizationKind>(), kind => Assert.Contains($"OrganizationKind.{kind}", keys));
    }

    [GeneratedRegex("^/Membership/Sent/([A-Za-z0-9_-]{43})$")]
    private static partial Regex SentAddress();
}
