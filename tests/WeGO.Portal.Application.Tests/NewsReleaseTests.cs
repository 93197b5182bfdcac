using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.News;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>News releases drafted from the approved report of a Seremban visit (each test's own), edited, published
/// and read.</summary>
public sealed class NewsReleaseTests(NewsReleaseTests.Portal portal) : IClassFixture<NewsReleaseTests.Portal>
{
    private const string SpanishAbout = "La Secretaría escribe aquí su propio párrafo sobre WeGO.";

    /// <summary>One portal for the class, with the Secretariat's press contact set in English and a Spanish
    /// "About WeGO" passage and press phone of its own.</summary>
    public sealed class Portal : PortalFactory
    {
        public Portal()
        {
            Settings["Portal:News:Languages:es:About"] = SpanishAbout;
            Settings["Portal:News:Languages:es:PressContactPhone"] = "+82-2-0000-0000";
            Settings["Portal:News:Languages:en:PressContactName"] = "Kakim Danabayev";
            Settings["Portal:News:Languages:en:PressContactEmail"] = "kakim@we-gov.org";
            Settings["Portal:News:Languages:en:PressContactPhone"] = "+82-70-4202-9169";
        }
    }

    /// <summary>The approved (or only submitted) report of the Seremban visit as it took place, for
    /// <paramref name="city"/>.</summary>
    private async Task<int> ReportAsync(string city, bool approve = true) =>
        await portal.VisitReportAsync(
            await portal.SerembanVisitToReportAsync(c => c with { OrganizationName = city }),
            approve ? ReviewState.Approved : ReviewState.Submitted
        );

    private Task<int> ReportAsync(bool approve = true) =>
        ReportAsync(TestData.Unique("Seremban City Council"), approve);

    private async Task<GetNewsRelease.Details> DraftAsync(int reportId, string language) =>
        (await portal.SendAsync(new GetNewsRelease.Query(await portal.NewsReleaseAsync(reportId, language))))!;

    [Fact]
    public async Task An_approved_report_gives_an_English_draft_with_the_visit_facts()
    {
        var city = TestData.Unique("Seremban City Council");
        var release = await DraftAsync(await ReportAsync(city), "en");

        Assert.Equal($"{city} delegation visits the WeGO Secretariat", release.Headline);
        Assert.Equal("Seoul, 7 October 2024", release.Dateline);
        Assert.Equal(TestData.SerembanReleaseSlug(city), release.Slug);
        Assert.Null(release.PublishedAtUtc);
        var body = release.Body;
        Assert.Contains(
            "represented by Secretary General Jeong-kee Kim and Program Director Lii Inn Tan",
            body,
            StringComparison.Ordinal
        );
        Assert.Contains($"a delegation of 36 delegates from {city}, Malaysia", body, StringComparison.Ordinal);
        Assert.Contains("led by Lee Kai Yet, Councillor, Seremban City Council", body, StringComparison.Ordinal);
        Assert.Contains("Council members and government officials", body, StringComparison.Ordinal);
        Assert.Contains("Introduce WeGO's operations worldwide", body, StringComparison.Ordinal);
        var agenda = new[]
        {
            "1. Welcome address, presented by Secretary General Jeong-kee Kim",
            "2. Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0, "
                + "presented by Councillor Lee Kai Yet",
            "3. WeGO's activities, vision and flagship programmes, presented by Program Director Lii Inn Tan",
            "4. Questions and answers",
        };
        Assert.Equal(
            agenda.Select(item => body.IndexOf(item, StringComparison.Ordinal)).Order(),
            agenda.Select(item => body.IndexOf(item, StringComparison.Ordinal))
        );
        Assert.DoesNotContain(-1, agenda.Select(item => body.IndexOf(item, StringComparison.Ordinal)));
        Assert.Contains("- Membership process", body, StringComparison.Ordinal);
        Assert.Contains("- Feasibility-study opportunities", body, StringComparison.Ordinal);
        Assert.Contains("will prepare its membership application", body, StringComparison.Ordinal);
        Assert.Contains("### About WeGO", body, StringComparison.Ordinal);
        Assert.Contains("Fifty cities founded it in 2010", body, StringComparison.Ordinal);
        Assert.DoesNotContain(SpanishAbout, body, StringComparison.Ordinal);
        Assert.Contains("Name: Kakim Danabayev", body, StringComparison.Ordinal);
        Assert.Contains("Email: kakim@we-gov.org", body, StringComparison.Ordinal);
        Assert.Contains("Phone: +82-70-4202-9169", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Spanish_and_Korean_versions_share_the_address_and_read_in_their_language()
    {
        var city = TestData.Unique("Seremban City Council");
        var reportId = await ReportAsync(city);
        var english = await DraftAsync(reportId, "en");

        var spanish = await DraftAsync(reportId, "es");
        var korean = await DraftAsync(reportId, "ko");

        Assert.Equal(english.Slug, spanish.Slug);
        Assert.Equal(english.Slug, korean.Slug);
        Assert.Equal("Seúl, 7 de octubre de 2024", spanish.Dateline);
        Assert.Equal($"WeGO se reunió con la delegación de {city}", spanish.Headline);
        Assert.Contains(
            "representada por el Secretario General, Jeong-kee Kim y el Director de Programa, Lii Inn Tan, "
                + "recibió a una delegación de 36 delegados",
            spanish.Body,
            StringComparison.Ordinal
        );
        Assert.Contains("### Sobre WeGO", spanish.Body, StringComparison.Ordinal);
        Assert.Contains("### Sobre WeGO\n\n" + SpanishAbout + "\n", spanish.Body, StringComparison.Ordinal);
        Assert.Contains("Correo electrónico: kakim@we-gov.org", spanish.Body, StringComparison.Ordinal);
        Assert.Contains("Teléfono: +82-2-0000-0000", spanish.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("+82-70-4202-9169", spanish.Body, StringComparison.Ordinal);
        Assert.Equal("서울, 2024년 10월 7일", korean.Dateline);
        Assert.Contains("Jeong-kee Kim 사무총장", korean.Body, StringComparison.Ordinal);
        Assert.Contains("대표단 36명을", korean.Body, StringComparison.Ordinal);
        Assert.Contains("### WeGO 소개", korean.Body, StringComparison.Ordinal);
        Assert.Contains("2010년 50개 도시가", korean.Body, StringComparison.Ordinal);
        Assert.Contains("+82-70-4202-9169", korean.Body, StringComparison.Ordinal);
        Assert.Equal(["en", "es", "ko"], korean.Versions.Select(v => v.Language));
    }

    [Fact]
    public async Task A_report_that_is_not_approved_gives_no_release()
    {
        var reportId = await ReportAsync(approve: false);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(new DraftNewsRelease.Command { ReportId = reportId, Language = "en" })
        );

        Assert.Equal("Release.ReportNotApproved", refused.Code);
        Assert.False(await portal.WithDbAsync(db => db.NewsReleases.AnyAsync(r => r.VisitReportId == reportId)));
    }

    [Fact]
    public async Task A_report_has_one_release_per_language()
    {
        var reportId = await ReportAsync();
        await DraftAsync(reportId, "en");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(new DraftNewsRelease.Command { ReportId = reportId, Language = "en" })
        );

        Assert.Equal("Release.AlreadyDrafted", refused.Code);
        Assert.Equal(1, await portal.WithDbAsync(db => db.NewsReleases.CountAsync(r => r.VisitReportId == reportId)));
        await Assert.ThrowsAnyAsync<FluentValidation.ValidationException>(() =>
            portal.SendAsync(new DraftNewsRelease.Command { ReportId = reportId, Language = "fr" })
        );
    }

    [Fact]
    public async Task A_second_visit_of_the_same_city_on_the_same_day_gets_its_own_address()
    {
        var city = TestData.Unique("Seremban City Council");
        var first = await DraftAsync(await ReportAsync(city), "en");
        var visitId = await portal.VisitToReportAsync(c =>
            c with
            {
                OrganizationName = city,
                LocalName = null,
                Purpose = "Site visit",
                StartTime = new TimeOnly(15, 0),
                EndTime = new TimeOnly(16, 0),
                Venue = "Seoul Digital Foundation, Seoul",
                OtherHostName = "Lii Inn Tan",
                OtherHostTitle = null,
                HeadOfDelegation = null,
                HeadOfDelegationTitle = null,
                ExpectedHeadcount = 10,
            }
        );

        var second = await DraftAsync(await portal.VisitReportAsync(visitId), "en");

        Assert.Equal(TestData.SerembanReleaseSlug(city), first.Slug);
        Assert.Equal(TestData.SerembanReleaseSlug(city) + "-2", second.Slug);
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_version_is_refused_and_keeps_the_colleagues_text()
    {
        var release = await DraftAsync(await ReportAsync(), "en");
        await portal.SendAsync(
            new EditNewsRelease.Command
            {
                ReleaseId = release.Id,
                Version = release.Version,
                Headline = "Seremban visits WeGO",
                Dateline = release.Dateline,
                Body = "First edit.",
            }
        );

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            portal.SendAsync(
                new EditNewsRelease.Command
                {
                    ReleaseId = release.Id,
                    Version = release.Version,
                    Headline = "Stale",
                    Dateline = release.Dateline,
                    Body = "Second edit.",
                }
            )
        );

        var saved = (await portal.SendAsync(new GetNewsRelease.Query(release.Id)))!;
        Assert.Equal("Seremban visits WeGO", saved.Headline);
        Assert.Equal("First edit.", saved.Body);
        Assert.Equal(release.Version + 1, saved.Version);
    }

    private async Task<IReadOnlyList<ListPublishedNews.Row>> PublishedAsync(string language) =>
        (await portal.SendAsync(new ListPublishedNews.Query(language))).Rows;

    [Fact]
    public async Task Readers_get_only_published_versions_in_their_language_else_English()
    {
        var reportId = await ReportAsync();
        var english = await DraftAsync(reportId, "en");
        var spanish = await DraftAsync(reportId, "es");
        Assert.Null(await portal.SendAsync(new ReadNewsRelease.Query(english.Slug, "en")));
        Assert.DoesNotContain(await PublishedAsync("en"), r => r.Slug == english.Slug);

        await portal.SendAsync(new PublishNewsRelease.Command(english.Id, english.Version));

        Assert.Equal("en", (await portal.SendAsync(new ReadNewsRelease.Query(english.Slug, "es")))!.Language);
        await portal.SendAsync(new PublishNewsRelease.Command(spanish.Id, spanish.Version));
        var inSpanish = (await portal.SendAsync(new ReadNewsRelease.Query(english.Slug, "es")))!;
        Assert.Equal("Seúl, 7 de octubre de 2024", inSpanish.Dateline);
        Assert.Equal(["en", "es"], inSpanish.Languages);
        Assert.Equal("en", (await portal.SendAsync(new ReadNewsRelease.Query(english.Slug, "ko")))!.Language);
        var listed = Assert.Single(await PublishedAsync("ko"), r => r.Slug == english.Slug);
        Assert.Equal(("en", english.Headline), (listed.Language, listed.Headline));
        Assert.Equal("es", Assert.Single(await PublishedAsync("es"), r => r.Slug == english.Slug).Language);
        Assert.Equal(
            "Release.AlreadyPublished",
            (
                await Assert.ThrowsAsync<DomainException>(() =>
                    portal.SendAsync(new PublishNewsRelease.Command(spanish.Id, spanish.Version + 1))
                )
            ).Code
        );
    }

    [Fact]
    public void Settings_without_a_language_s_passage_or_a_press_contact_are_refused_by_name()
    {
        var settings = new NewsSettings
        {
            Languages =
            {
                ["en"] = new()
                {
                    About = "About.",
                    PressContactName = "Press",
                    PressContactEmail = "press@example.org",
                },
                ["es"] = new() { About = "Sobre." },
            },
        };

        var refused = new NewsSettings.Whole().Validate(null, settings);

        Assert.True(refused.Failed);
        Assert.Equal(["Portal:News:Languages:ko:About"], settings.Missing(ReleaseText.Languages));
        Assert.Contains("Portal:News:Languages:ko:About", refused.FailureMessage, StringComparison.Ordinal);
        Assert.Equal("press@example.org", settings.For("es").PressContactEmail);
        Assert.Equal("Sobre.", settings.For("es").About);
    }
}
