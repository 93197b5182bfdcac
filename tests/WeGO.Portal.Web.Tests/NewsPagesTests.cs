using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>Releases drafted, edited and published by staff, read by anyone at /news; each test drafts from reports
/// of its own, one portal for the class.</summary>
public sealed partial class NewsPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<PortalClient> SignedInAsync(string role) => PortalClient.NewStaffSignedInAsync(portal, role, "en");

    /// <summary>A completed visit of <paramref name="city"/> on 20 May 2025 with its report, approved unless
    /// told.</summary>
    private async Task<int> ReportAsync(string city, bool approve = true)
    {
        var visitId = await portal.VisitToReportAsync(c =>
            c with
            {
                OrganizationName = city,
                LocalName = null,
                CountryCode = "KR",
                Purpose = "Smart-city exchange",
                Date = new DateOnly(2025, 5, 20),
                EndTime = new TimeOnly(11, 0),
                OtherHostName = "Lii Inn Tan",
                OtherHostTitle = "Program Director",
                HeadOfDelegation = null,
                HeadOfDelegationTitle = null,
                ExpectedHeadcount = 5,
            }
        );
        return await portal.VisitReportAsync(visitId, approve ? ReviewState.Approved : ReviewState.Submitted);
    }

    private async Task<GetNewsRelease.Details> DraftAsync(int reportId, string language, bool publish = false) =>
        (await portal.SendAsync(new GetNewsRelease.Query(await portal.NewsReleaseAsync(reportId, language, publish))))!;

    [Fact]
    public async Task Staff_draft_edit_and_publish_the_Seremban_release_and_anyone_then_reads_it_at_its_address()
    {
        var city = TestData.Unique("Seremban City Council");
        var address = $"/news/{TestData.SerembanReleaseSlug(city)}";
        var reportId = await portal.VisitReportAsync(
            await portal.SerembanVisitToReportAsync(c => c with { OrganizationName = city })
        );
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var anonymous = PortalClient.For(portal, "en");

        Assert.Contains(
            "id=\"draft-release\"",
            await staff.GetPageAsync($"/News/Draft?reportId={reportId}"),
            StringComparison.Ordinal
        );
        using var drafted = await staff.PostFormAsync(
            $"/News/Draft?reportId={reportId}",
            [new("Input.ReportId", $"{reportId}"), new("Input.Language", "en")]
        );
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var editAddress = drafted.Headers.Location!.OriginalString;
        var edit = await staff.GetPageAsync(editAddress);
        Assert.Contains($"{city} delegation visits the WeGO Secretariat", edit, StringComparison.Ordinal);
        Assert.Contains("Seoul, 7 October 2024", edit, StringComparison.Ordinal);
        using (var unpublished = await anonymous.GetAsync(address))
        {
            Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        }

        var body = System.Net.WebUtility.HtmlDecode(BodyField().Match(edit).Groups[1].Value);
        using var saved = await staff.PostFormAsync(
            editAddress,
            [
                new("Input.Version", VersionField().Match(edit).Groups[1].Value),
                new("Input.Headline", $"WeGO welcomes {city}"),
                new("Input.Dateline", "Seoul, 7 October 2024"),
                new("Input.Body", body),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var afterSave = await staff.GetPageAsync(editAddress);
        using var published = await staff.PostFormAsync(
            editAddress,
            [new("version", PublishVersion().Match(afterSave).Groups[1].Value)],
            action: editAddress + "?handler=Publish"
        );
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var list = await anonymous.GetPageAsync("/news");
        Assert.Contains($"href=\"{address}\"", list, StringComparison.Ordinal);
        Assert.Contains($"WeGO welcomes {city}", list, StringComparison.Ordinal);
        var page = await anonymous.GetPageAsync(address);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("Seoul, 7 October 2024", page, StringComparison.Ordinal);
        Assert.Contains("Lee Kai Yet", page, StringComparison.Ordinal);
        Assert.Contains("<li>Questions and answers</li>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-news\"", page, StringComparison.Ordinal);
        Assert.Contains("Published", await staff.GetPageAsync("/News/Manage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_of_a_Spanish_draft_marks_an_agenda_title_still_in_English_until_it_is_translated()
    {
        var city = TestData.Unique("Seremban City Council");
        var reportId = await portal.VisitReportAsync(
            await portal.SerembanVisitToReportAsync(c => c with { OrganizationName = city })
        );
        var release = await DraftAsync(reportId, "es");
        var staff = await SignedInAsync(Roles.SecretariatStaff);
        var address = $"/News/Edit/{release.Id}";
        const string english = "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0";

        var marks = Untranslated(await staff.GetPageAsync(address));

        Assert.Contains(english, marks);
        Assert.Contains(city, marks);
        Assert.DoesNotContain("Welcome address", marks);
        Assert.DoesNotContain("Secretary General", marks);
        Assert.Contains("Palabras de bienvenida, a cargo del Secretario General Jeong-kee Kim", release.Body);

        using var saved = await staff.PostFormAsync(
            address,
            [
                new("Input.Version", $"{release.Version}"),
                new("Input.Headline", release.Headline),
                new("Input.Dateline", release.Dateline),
                new(
                    "Input.Body",
                    release.Body.Replace(english, "Las iniciativas de Seremban", StringComparison.Ordinal)
                ),
            ]
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = Untranslated(await staff.GetPageAsync(address));
        Assert.DoesNotContain(english, after);
        Assert.Contains(city, after);
    }

    /// <summary>The texts the release editor lists as still in another language.</summary>
    private static List<string> Untranslated(string page)
    {
        var start = page.IndexOf("id=\"untranslated\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var section = page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
        return
        [
            .. UntranslatedItem().Matches(section).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)),
        ];
    }

    [Fact]
    public async Task Second_of_two_editors_of_a_release_sees_the_first_headline_beside_theirs_and_saves_on_purpose()
    {
        var release = await DraftAsync(await ReportAsync("Yeosu Two Editors"), "en");
        var first = await SignedInAsync(Roles.SecretariatStaff);
        var second = await SignedInAsync(Roles.SecretariatStaff);
        var address = $"/News/Edit/{release.Id}";
        KeyValuePair<string, string>[] Form(int version, string headline) =>
            [
                new("Input.Version", $"{version}"),
                new("Input.Headline", headline),
                new("Input.Dateline", release.Dateline),
                new("Input.Body", release.Body),
            ];

        using var firstSave = await first.PostFormAsync(address, Form(release.Version, "Headline of the first"));
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        using var secondSave = await second.PostFormAsync(address, Form(release.Version, "Headline of the second"));

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await secondSave.Content.ReadAsStringAsync());
        Assert.Equal(
            "Headline of the first",
            page.QuerySelector("#saved-meanwhile-Input_Headline .saved-meanwhile-value")?.TextContent
        );
        Assert.Equal("Headline of the second", page.QuerySelector<IHtmlInputElement>("#Input_Headline")!.Value);
        Assert.Null(page.QuerySelector("#saved-meanwhile-Input_Body"));
        var rebased = page.QuerySelector<IHtmlInputElement>("#edit-release input[name='Input.Version']")!.Value;
        Assert.Equal($"{release.Version + 1}", rebased);

        using var deliberate = await second.PostFormAsync(
            address,
            Form(int.Parse(rebased, System.Globalization.CultureInfo.InvariantCulture), "Headline of the second")
        );
        Assert.Equal(HttpStatusCode.Redirect, deliberate.StatusCode);
        Assert.Equal(
            "Headline of the second",
            (await portal.SendAsync(new GetNewsRelease.Query(release.Id)))!.Headline
        );
    }

    [Fact]
    public async Task Readers_get_the_published_version_in_their_language_else_English_marked_as_such()
    {
        var reportId = await ReportAsync("Gangneung Smart City");
        var english = await DraftAsync(reportId, "en", publish: true);
        await DraftAsync(reportId, "ko");
        var address = $"/news/{english.Slug}";

        var korean = await PortalClient.For(portal, "ko").GetPageAsync(address);
        Assert.Contains("<html lang=\"ko\">", korean, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\" id=\"release\"", korean, StringComparison.Ordinal);
        Assert.Contains("id=\"shown-in\"", korean, StringComparison.Ordinal);
        Assert.DoesNotContain("서울, 2025년", korean, StringComparison.Ordinal);

        var spanish = await DraftAsync(reportId, "es", publish: true);
        var inSpanish = await PortalClient.For(portal, "es").GetPageAsync(address);
        Assert.Contains("<html lang=\"es\">", inSpanish, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\" id=\"release\"", inSpanish, StringComparison.Ordinal);
        Assert.Contains("Seúl, 20 de mayo de 2025", inSpanish, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"shown-in\"", inSpanish, StringComparison.Ordinal);
        Assert.Contains($"href=\"{address}?lang=en\"", inSpanish, StringComparison.Ordinal);
        Assert.DoesNotContain("?lang=ko", inSpanish, StringComparison.Ordinal);
        Assert.Contains(
            "Seoul, 20 May 2025",
            await PortalClient.For(portal, "es").GetPageAsync(address + "?lang=en"),
            StringComparison.Ordinal
        );

        var spanishList = await PortalClient.For(portal, "es").GetPageAsync("/news");
        Assert.Contains(spanish.Headline, spanishList, StringComparison.Ordinal);
        Assert.DoesNotContain(english.Headline, spanishList, StringComparison.Ordinal);
        var koreanList = await PortalClient.For(portal, "ko").GetPageAsync("/news");
        Assert.Contains(english.Headline, koreanList, StringComparison.Ordinal);
        Assert.Contains("data-shown-language=\"en\"", koreanList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_unknown_addresses_are_not_found()
    {
        var draft = await DraftAsync(await ReportAsync("Chuncheon Unpublished"), "en");
        var anonymous = PortalClient.For(portal, "en");

        using var unknown = await anonymous.GetAsync("/news/1999-01-01-no-such-release");
        using var unpublished = await anonymous.GetAsync($"/news/{draft.Slug}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.DoesNotContain(draft.Slug, await anonymous.GetPageAsync("/news"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_Markdown_in_a_release_never_renders_as_live_markup()
    {
        var release = await DraftAsync(await ReportAsync("Wonju Hostile Text"), "en");
        await portal.SendAsync(
            new EditNewsRelease.Command
            {
                ReleaseId = release.Id,
                Version = release.Version,
                Headline = "<b onmouseover=\"alert(1)\">Headline</b>",
                Dateline = "Seoul, 20 May 2025",
                Body =
                    "Hello <script>alert('x')</script>\n\n<img src=x onerror=\"alert(2)\">\n\n"
                    + "[click](javascript:alert(3))\n\n<a href=\"javascript:alert(4)\">link</a> **bold**",
            }
        );
        var current = (await portal.SendAsync(new GetNewsRelease.Query(release.Id)))!;
        await portal.SendAsync(new PublishNewsRelease.Command(release.Id, current.Version));

        var page = await PortalClient.For(portal, "en").GetPageAsync($"/news/{release.Slug}");
        var article = page[page.IndexOf("id=\"release\"", StringComparison.Ordinal)..];

        Assert.DoesNotContain("<script>alert", article, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", article, StringComparison.Ordinal);
        Assert.DoesNotMatch("<[a-z][^>]*javascript:", article);
        Assert.DoesNotMatch("<[a-z][^>]* on[a-z]+=", article);
        Assert.Contains("&lt;script&gt;", article, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b onmouseover", page, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_pages_refuse_anonymous_visitors_and_directors_may_read_but_not_post()
    {
        var reportId = await ReportAsync("Sokcho Roles Check");
        var release = await DraftAsync(reportId, "en");
        var anonymous = PortalClient.For(portal, "en");
        foreach (
            var address in new[]
            {
                "/News/Manage",
                $"/News/Draft?reportId={reportId}",
                $"/News/Edit/{release.Id}",
                $"/News/Preview/{release.Id}",
            }
        )
        {
            using var refused = await anonymous.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/SignIn", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var director = await SignedInAsync(Roles.ProgramDirector);
        Assert.Contains(release.Headline, await director.GetPageAsync("/News/Manage"), StringComparison.Ordinal);
        Assert.Contains(
            "id=\"release-body\"",
            await director.GetPageAsync($"/News/Preview/{release.Id}"),
            StringComparison.Ordinal
        );

        // The token comes from a page the director may open (the language switcher's form).
        using var publish = await director.PostFormAsync(
            "/News/Manage",
            [new("version", $"{release.Version}")],
            action: $"/News/Edit/{release.Id}?handler=Publish"
        );
        using var draft = await director.PostFormAsync(
            "/News/Manage",
            [new("Input.ReportId", $"{reportId}"), new("Input.Language", "es")],
            action: $"/News/Draft?reportId={reportId}"
        );

        foreach (var refused in new[] { publish, draft })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith(
                "/Account/AccessDenied",
                refused.Headers.Location!.PathAndQuery,
                StringComparison.Ordinal
            );
        }

        var versions = (await portal.SendAsync(new GetNewsRelease.Query(release.Id)))!.Versions;
        Assert.Null(Assert.Single(versions).PublishedAtUtc);
    }

    [Fact]
    public async Task A_report_that_is_not_approved_is_shown_without_a_draft_form_and_a_post_is_refused_with_a_message()
    {
        var reportId = await ReportAsync("Gimhae Pending Review", approve: false);
        var staff = await SignedInAsync(Roles.SecretariatStaff);

        var page = await staff.GetPageAsync($"/News/Draft?reportId={reportId}");
        using var posted = await staff.PostFormAsync(
            $"/News/Draft?reportId={reportId}",
            [new("Input.ReportId", $"{reportId}"), new("Input.Language", "en")]
        );

        Assert.Contains("id=\"not-approved\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"draft-release\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(
            "A release can only be drafted from an approved report.",
            await posted.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("<li>([^<]*)</li>")]
    private static partial Regex UntranslatedItem();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex PublishVersion();

    [GeneratedRegex("<textarea[^>]*name=\"Input.Body\"[^>]*>\\s*([^<]*)</textarea>")]
    private static partial Regex BodyField();
}
