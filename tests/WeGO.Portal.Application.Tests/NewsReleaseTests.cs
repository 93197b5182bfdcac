using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>News releases drafted from the Seremban visit's approved report, edited, published and read.</summary>
public sealed class NewsReleaseTests : IDisposable
{
    private static readonly DateTime ReviewedAt = new(2024, 10, 9, 1, 0, 0, DateTimeKind.Utc);

    // Still walks the demo data (the Seremban visit); to be moved onto TestData.
    private readonly PortalFactory portal = new PortalFactory
    {
        SeedDemo = true,
        Settings =
        {
            ["Portal:News:PressContactName"] = "Kakim Danabayev",
            ["Portal:News:PressContactEmail"] = "kakim@we-gov.org",
            ["Portal:News:PressContactPhone"] = "+82-70-4202-9169",
        },
    }.Start();

    public void Dispose() => portal.Dispose();

    /// <summary>A report on a completed visit (the demo Seremban visit unless another is given), through the
    /// domain.</summary>
    private Task<int> ReportAsync(bool approve = true, int? visitId = null) =>
        portal.WithDbAsync(async db =>
        {
            var visit = visitId
                ?? await db
                    .Visits.Where(v => v.Organization.Name == "Seremban City Council")
                    .Select(v => v.Id)
                    .SingleAsync();
            var report = new VisitReport(visit, "author-id", "Lii Inn Tan", ReviewedAt);
            report.Write(
                new ReportContent(
                    "Seremban City Council's delegation learned about WeGO's activities.",
                    "Council members and government officials of Seremban City Council.",
                    null,
                    null,
                    null,
                    "Seremban City Council will prepare its membership application; "
                        + "the Secretariat will share member cases on urban planning and inclusion.",
                    null
                ),
                ReviewedAt
            );
            report.Submit("author-id", "Author", "en", ReviewedAt);
            if (approve)
            {
                report.Approve("Program Director", ReviewedAt);
            }

            db.VisitReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

    private async Task<GetNewsRelease.Details> DraftAsync(int reportId, string language) =>
        (
            await portal.SendAsync(
                new GetNewsRelease.Query(
                    (
                        await portal.SendAsync(
                            new DraftNewsRelease.Command { ReportId = reportId, Language = language }
                        )
                    ).Value
                )
            )
        )!;

    [Fact]
    public async Task An_approved_report_gives_an_English_draft_with_the_visit_facts()
    {
        var release = await DraftAsync(await ReportAsync(), "en");

        Assert.Equal("Seremban City Council delegation visits the WeGO Secretariat", release.Headline);
        Assert.Equal("Seoul, 7 October 2024", release.Dateline);
        Assert.Equal("2024-10-07-seremban-city-council", release.Slug);
        Assert.Null(release.PublishedAtUtc);
        var body = release.Body;
        Assert.Contains(
            "represented by Secretary General Jeong-kee Kim and Program Director Lii Inn Tan",
            body,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "a delegation of 36 delegates from Seremban City Council, Malaysia",
            body,
            StringComparison.Ordinal
        );
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
        Assert.Contains("Name: Kakim Danabayev", body, StringComparison.Ordinal);
        Assert.Contains("Email: kakim@we-gov.org", body, StringComparison.Ordinal);
        Assert.Contains("Phone: +82-70-4202-9169", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Spanish_and_Korean_versions_share_the_address_and_read_in_their_language()
    {
        var reportId = await ReportAsync();
        var english = await DraftAsync(reportId, "en");

        var spanish = await DraftAsync(reportId, "es");
        var korean = await DraftAsync(reportId, "ko");

        Assert.Equal(english.Slug, spanish.Slug);
        Assert.Equal(english.Slug, korean.Slug);
        Assert.Equal("Seúl, 7 de octubre de 2024", spanish.Dateline);
        Assert.Equal("WeGO se reunió con la delegación de Seremban City Council", spanish.Headline);
        Assert.Contains(
            "representada por el Secretario General, Jeong-kee Kim y el Director de Programa, Lii Inn Tan, "
                + "dio la bienvenida a una delegación de 36 delegados",
            spanish.Body,
            StringComparison.Ordinal
        );
        Assert.Contains("### Sobre WeGO", spanish.Body, StringComparison.Ordinal);
        Assert.Contains("Correo electrónico: kakim@we-gov.org", spanish.Body, StringComparison.Ordinal);
        Assert.Equal("서울, 2024년 10월 7일", korean.Dateline);
        Assert.Contains("Jeong-kee Kim 사무총장", korean.Body, StringComparison.Ordinal);
        Assert.Contains("대표단 36명을", korean.Body, StringComparison.Ordinal);
        Assert.Contains("### WeGO 소개", korean.Body, StringComparison.Ordinal);
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
        Assert.Equal(0, await portal.WithDbAsync(db => db.NewsReleases.CountAsync()));
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
        Assert.Equal(1, await portal.WithDbAsync(db => db.NewsReleases.CountAsync()));
        await Assert.ThrowsAnyAsync<FluentValidation.ValidationException>(() =>
            portal.SendAsync(new DraftNewsRelease.Command { ReportId = reportId, Language = "fr" })
        );
    }

    [Fact]
    public async Task A_second_visit_of_the_same_city_on_the_same_day_gets_its_own_address()
    {
        await DraftAsync(await ReportAsync(), "en");
        var visitId = await portal.ScheduleVisitAsync(c =>
            c with
            {
                OrganizationName = "Seremban City Council",
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
        await portal.SendAsync(new ConfirmVisit.Command(visitId, 0));
        await portal.SendAsync(new CompleteVisit.Command(visitId, 1));

        var second = await DraftAsync(await ReportAsync(visitId: visitId), "en");

        Assert.Equal("2024-10-07-seremban-city-council-2", second.Slug);
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

    [Fact]
    public async Task Readers_get_only_published_versions_in_their_language_else_English()
    {
        var reportId = await ReportAsync();
        var english = await DraftAsync(reportId, "en");
        var spanish = await DraftAsync(reportId, "es");
        Assert.Null(await portal.SendAsync(new ReadNewsRelease.Query(english.Slug, "en")));
        Assert.Empty((await portal.SendAsync(new ListPublishedNews.Query("en"))).Rows);

        await portal.SendAsync(new PublishNewsRelease.Command(english.Id, english.Version));

        Assert.Equal("en", (await portal.SendAsync(new ReadNewsRelease.Query(english.Slug, "es")))!.Language);
        await portal.SendAsync(new PublishNewsRelease.Command(spanish.Id, spanish.Version));
        var inSpanish = (await portal.SendAsync(new ReadNewsRelease.Query(english.Slug, "es")))!;
        Assert.Equal("Seúl, 7 de octubre de 2024", inSpanish.Dateline);
        Assert.Equal(["en", "es"], inSpanish.Languages);
        Assert.Equal("en", (await portal.SendAsync(new ReadNewsRelease.Query(english.Slug, "ko")))!.Language);
        var listed = Assert.Single((await portal.SendAsync(new ListPublishedNews.Query("ko"))).Rows);
        Assert.Equal(("en", english.Headline), (listed.Language, listed.Headline));
        Assert.Equal("es", Assert.Single((await portal.SendAsync(new ListPublishedNews.Query("es"))).Rows).Language);
        Assert.Equal(
            "Release.AlreadyPublished",
            (
                await Assert.ThrowsAsync<DomainException>(() =>
                    portal.SendAsync(new PublishNewsRelease.Command(spanish.Id, spanish.Version + 1))
                )
            ).Code
        );
    }
}
