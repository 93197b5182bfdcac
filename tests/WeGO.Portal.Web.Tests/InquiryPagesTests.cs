using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The Secretariat's inquiry pages over HTTP, as a browser posts them, on one portal for the class. Each test
/// submits inquiries of its own through the public form's use case (TestData) and looks only at them.</summary>
public sealed class InquiryPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<PortalClient> SignedInAsync(string role, string? language = null) =>
        PortalClient.NewStaffSignedInAsync(portal, role, language);

    /// <summary>An inquiry from Ecuador (so filed with the Regional Office for Latin America), in Spanish, for a city
    /// of its own, moved to <paramref name="stage"/>.</summary>
    private Task<TestData.SubmittedInquiry> InquiryAsync(
        string? message = null,
        InquiryStage stage = InquiryStage.New
    ) =>
        portal.MembershipInquiryAsync(stage, c =>
            c with
            {
                CountryCode = "EC",
                Population = 600000,
                ContactName = "Ana Paredes",
                ContactPosition = "Director of Innovation",
                Email = "ana.paredes@example.ec",
                Phone = null,
                PreferredLanguage = "es",
                Interests = [MembershipInterest.CapacityBuilding],
                Message = message ?? "Queremos unirnos.",
            }
        );

    [Fact]
    public async Task The_reference_link_from_the_notification_finds_the_inquiry_and_the_stages_show_their_counts()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var wanted = await InquiryAsync();
        var other = await InquiryAsync();

        var page = await staff.GetPageAsync($"/Membership/Inquiries?q={wanted.Reference}");

        Assert.Contains(wanted.OrganizationName, page, StringComparison.Ordinal);
        Assert.DoesNotContain(other.OrganizationName, page, StringComparison.Ordinal);
        Assert.Matches("data-stage=\"New\"[^>]*>\\s*New <span class=\"badge text-bg-light\">1</span>", page);
        Assert.Contains("id=\"nav-inquiries\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"new-inquiries-count\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_a_bom_and_follows_the_filters()
    {
        var staff = await SignedInAsync(Roles.ProgramDirector);
        var wanted = await InquiryAsync();
        var other = await InquiryAsync();

        using var response = await staff.GetAsync($"/Membership/Inquiries?handler=Csv&Filter.Text={wanted.Reference}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains(wanted.OrganizationName, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(other.OrganizationName, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inquiry_page_shows_a_script_in_the_message_as_text()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var inquiry = await InquiryAsync("<script>alert('pwned')</script> Hola");

        var page = await staff.GetPageAsync($"/Membership/Inquiries/Details/{inquiry.Id}");

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt; Hola", page, StringComparison.Ordinal);
        Assert.Contains("Ana Paredes", page, StringComparison.Ordinal);
        Assert.Contains("Regional Office for Latin America", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_move_an_inquiry_from_its_page_and_the_history_says_so_in_words()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var inquiry = await InquiryAsync();
        var details = $"/Membership/Inquiries/Details/{inquiry.Id}";

        using var moved = await staff.PostFormAsync(
            details,
            [new("Move.Version", "0"), new("Move.Stage", "Contacted")],
            $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Move"
        );
        using var noted = await staff.PostFormAsync(
            details,
            [new("Note.Version", "1"), new("Note.Note", "Called **Ana**; she will send the form.")],
            $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Note"
        );

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        var page = await staff.GetPageAsync(details);
        Assert.Contains("Stage: contacted", page, StringComparison.Ordinal);
        Assert.Contains("Note added", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Ana</strong>", page, StringComparison.Ordinal);
        // Past Contacted the inquiry goes on through its application: no hand moves it to "Application sent".
        Assert.DoesNotContain("id=\"move-ApplicationSent\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"move-Declined\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"start-application\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inquiry_with_an_application_offers_no_hand_moves_but_the_way_to_its_application()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var inquiry = await InquiryAsync(stage: InquiryStage.UnderReview);
        var applicationId = await portal.WithDbAsync(db =>
            db.MembershipApplications.Where(a => a.InquiryId == inquiry.Id).Select(a => a.Id).SingleAsync()
        );

        var page = await staff.GetPageAsync($"/Membership/Inquiries/Details/{inquiry.Id}");

        Assert.Contains("id=\"stage-follows-application\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Membership/Applications/Details/{applicationId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"move-", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_stage_change_shows_the_rule_in_the_users_language()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff, "ko");
        var inquiry = await InquiryAsync();

        using var response = await staff.PostFormAsync(
            $"/Membership/Inquiries/Details/{inquiry.Id}",
            [new("Move.Version", "0"), new("Move.Stage", "UnderReview")],
            $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Move"
        );
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("문의를 신규 단계에서 검토 중 단계로 옮길 수 없습니다.", page, StringComparison.Ordinal);
        Assert.Equal(
            InquiryStage.New,
            await portal.WithDbAsync(db =>
                db.MembershipInquiries.Where(i => i.Id == inquiry.Id).Select(i => i.Stage).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task A_change_from_a_stale_page_is_refused_with_the_conflict_message_and_keeps_the_typed_note()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var inquiry = await InquiryAsync();
        var details = $"/Membership/Inquiries/Details/{inquiry.Id}";
        (
            await staff.PostFormAsync(
                details,
                [new("Move.Version", "0"), new("Move.Stage", "Contacted")],
                $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Move"
            )
        ).Dispose();

        using var stale = await staff.PostFormAsync(
            details,
            [new("Note.Version", "0"), new("Note.Note", "Typed on the old page")],
            $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Note"
        );
        var page = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record while you were editing it.", page, StringComparison.Ordinal);
        Assert.Contains("Typed on the old page</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Note.Version\" value=\"1\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_of_two_colleagues_assigning_an_inquiry_keeps_their_choice_and_sees_the_first_beside_it()
    {
        var first = await SignedInAsync(Roles.SecretariatStaff, "en");
        var second = await SignedInAsync(Roles.SecretariatStaff, "en");
        var inquiry = await InquiryAsync();
        var details = $"/Membership/Inquiries/Details/{inquiry.Id}";
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await second.GetPageAsync(details));
        var offices = form.QuerySelectorAll("#Assign_RegionalOfficeId option")
            .Where(o => o.GetAttribute("value") is { Length: > 0 })
            .ToList();
        var (theirs, mine) = (offices[0], offices[1]);
        var version = form.QuerySelector("#assign-form input[name='Assign.Version']")!.GetAttribute("value")!;
        var assign = $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Assign";

        (
            await first.PostFormAsync(
                details,
                [new("Assign.Version", version), new("Assign.RegionalOfficeId", theirs.GetAttribute("value")!)],
                assign
            )
        ).Dispose();
        using var stale = await second.PostFormAsync(
            details,
            [new("Assign.Version", version), new("Assign.RegionalOfficeId", mine.GetAttribute("value")!)],
            assign
        );

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await stale.Content.ReadAsStringAsync());
        Assert.Equal(
            mine.GetAttribute("value"),
            page.QuerySelector("#Assign_RegionalOfficeId option[selected]")?.GetAttribute("value")
        );
        Assert.StartsWith(
            page.QuerySelector("#saved-meanwhile-Assign_RegionalOfficeId .saved-meanwhile-value")!.TextContent,
            theirs.TextContent,
            StringComparison.Ordinal
        );
        Assert.Null(page.QuerySelector("#saved-meanwhile-Assign_OwnerUserId"));
        Assert.NotEqual(
            version,
            page.QuerySelector("#assign-form input[name='Assign.Version']")!.GetAttribute("value")
        );
        Assert.Equal(
            int.Parse(theirs.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture),
            await portal.WithDbAsync(db =>
                db.MembershipInquiries.Where(i => i.Id == inquiry.Id).Select(i => i.RegionalOfficeId).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task Program_directors_read_inquiries_but_every_change_is_refused()
    {
        var director = await SignedInAsync(Roles.ProgramDirector);
        var inquiry = await InquiryAsync(stage: InquiryStage.Declined);
        var details = $"/Membership/Inquiries/Details/{inquiry.Id}";
        var matched = await portal.WithDbAsync(db =>
            db.MembershipInquiries.Where(i => i.Id == inquiry.Id).Select(i => i.OrganizationId).SingleAsync()
        );

        var list = await director.GetPageAsync("/Membership/Inquiries");
        var page = await director.GetPageAsync(details);
        var posts = new[]
        {
            $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Move",
            $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Assign",
            $"/Membership/Inquiries/Change/{inquiry.Id}?handler=Note",
            $"/Membership/Inquiries/Match/{inquiry.Id}?handler=Match",
            $"/Membership/Inquiries/Match/{inquiry.Id}?handler=Split",
            $"/Membership/Inquiries/Anonymize/{inquiry.Id}",
        };

        Assert.Contains(inquiry.OrganizationName, list, StringComparison.Ordinal);
        Assert.Contains("Ana Paredes", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"inquiry-work\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"match-inquiry\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"anonymize-inquiry\"", page, StringComparison.Ordinal);
        foreach (var action in posts)
        {
            using var refused = await director.PostFormAsync(
                details,
                [
                    new("Move.Version", "0"),
                    new("Move.Stage", "Withdrawn"),
                    new("Note.Note", "x"),
                    new("Input.OrganizationId", "1"),
                    new("Version", "0"),
                ],
                action
            );
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith(
                "/Account/AccessDenied",
                refused.Headers.Location!.PathAndQuery,
                StringComparison.Ordinal
            );
        }

        var stored = await portal.WithDbAsync(db =>
            db.MembershipInquiries.AsNoTracking().Include(i => i.Notes).SingleAsync(i => i.Id == inquiry.Id)
        );
        Assert.Equal(
            (InquiryStage.Declined, 0, matched, (DateTime?)null),
            (stored.Stage, stored.Notes.Count, stored.OrganizationId, stored.AnonymizedAtUtc)
        );
    }

    [Fact]
    public async Task Only_administrators_anonymize_after_a_confirmation_step()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var admin = await SignedInAsync(Roles.Administrator);
        var inquiry = await InquiryAsync(stage: InquiryStage.Withdrawn);
        var confirm = $"/Membership/Inquiries/Anonymize/{inquiry.Id}";

        using var staffGet = await staff.GetAsync(confirm);
        var confirmation = await admin.GetPageAsync(confirm);
        var version = (await portal.SendAsync(new GetInquiry.Query(inquiry.Id)))!.Version;
        using var anonymized = await admin.PostFormAsync(
            confirm,
            [new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]
        );

        Assert.Equal(HttpStatusCode.Redirect, staffGet.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", staffGet.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-anonymize\"", confirmation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymized.StatusCode);
        var page = await admin.GetPageAsync($"/Membership/Inquiries/Details/{inquiry.Id}");
        Assert.DoesNotContain("Ana Paredes", page, StringComparison.Ordinal);
        Assert.Contains("id=\"anonymized\"", page, StringComparison.Ordinal);
        Assert.Contains(inquiry.OrganizationName, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymizing_an_open_inquiry_is_refused_with_the_rule()
    {
        var admin = await SignedInAsync(Roles.Administrator);
        var inquiry = await InquiryAsync();

        using var response = await admin.PostFormAsync(
            $"/Membership/Inquiries/Anonymize/{inquiry.Id}",
            [new("Version", "0")]
        );
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only declined or withdrawn inquiries can be anonymized.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_split_an_inquiry_into_a_new_city_record_and_see_it_as_the_city_context()
    {
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var inquiry = await InquiryAsync();
        var match = $"/Membership/Inquiries/Match/{inquiry.Id}";
        var seremban = TestData.Unique("Seremban City Council");
        await portal.ScheduleVisitAsync(c => c with { OrganizationName = seremban });

        var candidates = await staff.GetPageAsync($"{match}?Search=Seremban");
        using var split = await staff.PostFormAsync(match, [new("Input.Version", "0")], $"{match}?handler=Split");

        Assert.Contains(seremban, candidates, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        var page = await staff.GetPageAsync($"/Membership/Inquiries/Details/{inquiry.Id}");
        Assert.Matches($"id=\"matched-city\">{inquiry.OrganizationName}<", page);
    }
}
