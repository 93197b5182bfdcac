using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Domain.Tests;

public sealed class NewsReleaseTests
{
    private static readonly DateTime Now = new(2024, 10, 8, 9, 0, 0, DateTimeKind.Utc);

    private static VisitReport Report(bool approve)
    {
        var report = new VisitReport(1, "author", "Author", Now);
        report.Write(new ReportContent("What happened", null, null, null, null, null, null), Now);
        report.Submit("author-id", "Author", "en", Now);
        if (approve)
        {
            report.Approve("Director", Now);
        }

        return report;
    }

    [Fact]
    public void The_slug_is_the_visit_date_and_the_city_in_plain_words()
    {
        Assert.Equal(
            "2024-10-07-seremban-city-council",
            NewsRelease.SlugFor("Seremban City Council", new DateOnly(2024, 10, 7))
        );
        Assert.Equal("2025-03-01-bogota-d-c", NewsRelease.SlugFor("  Bogotá, D.C. ", new DateOnly(2025, 3, 1)));
        Assert.Equal("2025-03-01-visit", NewsRelease.SlugFor("서울특별시", new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void Only_an_approved_report_gives_a_release()
    {
        Assert.Equal(
            "Release.ReportNotApproved",
            Assert
                .Throws<DomainException>(() =>
                    NewsRelease.DraftFrom(
                        Report(approve: false),
                        "en",
                        "slug",
                        "Headline",
                        "Seoul, 7 October 2024",
                        "Body"
                    )
                )
                .Code
        );

        var release = NewsRelease.DraftFrom(
            Report(approve: true),
            "en",
            "slug",
            "Headline",
            "Seoul, 7 October 2024",
            "Body"
        );

        Assert.False(release.IsPublished);
    }

    [Fact]
    public void A_release_is_published_once()
    {
        var release = NewsRelease.DraftFrom(
            Report(approve: true),
            "es",
            "slug",
            "Titular",
            "Seúl, 7 de octubre de 2024",
            "Texto"
        );

        release.Publish(Now);

        Assert.Equal(Now, release.PublishedAtUtc);
        Assert.Equal(
            "Release.AlreadyPublished",
            Assert.Throws<DomainException>(() => release.Publish(Now.AddDays(1))).Code
        );
    }
}
