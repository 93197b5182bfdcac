using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Home;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Reports;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Infrastructure.DemoData;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

public sealed partial class DemoDataTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory { SeedDemo = true }.Start();

    public void Dispose() => portal.Dispose();

    private static DateOnly Today => SecretariatCalendar.Today(TimeProvider.System);

    private Task<int> SerembanVisitIdAsync() =>
        portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Organization.Name == SerembanVisit.CityName).Select(v => v.Id).SingleAsync()
        );

    [Fact]
    public async Task The_scenario_visit_is_there_as_the_news_release_tells_it()
    {
        var visitId = await SerembanVisitIdAsync();

        var visit = await portal.SendAsync(new GetVisit.Query(visitId));

        Assert.NotNull(visit);
        Assert.Equal("Seremban City Council", visit.Organization.Name);
        Assert.Equal("Majlis Bandaraya Seremban", visit.Organization.LocalName);
        Assert.Equal("MY", visit.Organization.CountryCode);
        Assert.Equal(36, visit.Delegation.Headcount);
        Assert.Equal("Lee Kai Yet", visit.Delegation.HeadOfDelegation);
        Assert.Equal(["Jeong-kee Kim", "Lii Inn Tan"], visit.Hosts.Select(h => h.Name));
        Assert.Equal(
            new DateOnly(2024, 10, 7),
            DateOnly.FromDateTime(VenueTime.ToLocal(visit.Plan.StartsAtUtc, visit.Plan.TimeZoneId))
        );
        Assert.Equal(VisitStatus.Completed, visit.Status);
        Assert.Equal(
            [
                "Welcome address",
                "Seremban's smart-city initiatives, including Malaysia Vision Valley 2.0",
                "WeGO's activities, vision and flagship programmes",
                "Questions and answers",
            ],
            visit.Agenda.Select(a => a.Title)
        );
        Assert.Contains("Membership process", visit.Topics);
        Assert.Equal(3, visit.FollowUps.Count);
        Assert.NotEmpty(visit.History);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Data.PortalDbContext>();
        async Task<int[]> CountsAsync() =>
            [
                await db.Visits.CountAsync(),
                await db.Organizations.CountAsync(),
                await db.FollowUps.CountAsync(),
                await db.VisitReports.CountAsync(),
                await db.NewsReleases.CountAsync(),
                await db.MembershipInquiries.CountAsync(),
                await db.MembershipApplications.CountAsync(),
                await db.Members.CountAsync(),
                await db.CommitteeMeetings.CountAsync(),
                await db.OutboxMessages.CountAsync(),
            ];
        var before = await CountsAsync();

        Assert.False(await DemoSecretariat.EnsureAsync(scope.ServiceProvider, CancellationToken.None));
        await RegionalOffices.EnsureAsync(db, CancellationToken.None);

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(1 + LivingHistory.Visits, before[0]);
        var seremban = await SerembanVisitIdAsync();
        Assert.Equal(3, await db.FollowUps.CountAsync(f => f.VisitId == seremban));
        Assert.Equal(7, await db.RegionalOffices.CountAsync());
        Assert.Equal(1, await db.RegionalOffices.CountAsync(o => o.IsSecretariat && o.City == "Seoul"));
    }

    [Fact]
    public async Task Seremban_s_report_is_approved_and_its_release_published_in_each_language_in_that_language()
    {
        var visitId = await SerembanVisitIdAsync();
        var report = await portal.WithDbAsync(db => db.VisitReports.SingleAsync(r => r.VisitId == visitId));
        Assert.Equal(ReviewState.Approved, report.State);
        Assert.Equal("Lii Inn Tan", report.ApprovedBy);

        var releases = await portal.WithDbAsync(db =>
            db.NewsReleases.Where(r => r.VisitReportId == report.Id).OrderBy(r => r.Language).ToListAsync()
        );
        Assert.Equal(["en", "es", "ko"], releases.Select(r => r.Language));
        Assert.All(releases, r => Assert.NotNull(r.PublishedAtUtc));
        Assert.Single(releases.Select(r => r.Slug).Distinct());
        var spanish = releases.Single(r => r.Language == "es");
        var korean = releases.Single(r => r.Language == "ko");
        Assert.Equal("Seúl, 7 de octubre de 2024", spanish.Dateline);
        foreach (var english in new[] { "Welcome address", "Questions and answers", "Membership process", "hopes to" })
        {
            Assert.DoesNotContain(english, spanish.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(english, korean.Body, StringComparison.Ordinal);
        }

        Assert.Contains("Preguntas y respuestas", spanish.Body, StringComparison.Ordinal);
        Assert.Contains("질의응답", korean.Body, StringComparison.Ordinal);

        var news = await portal.SendAsync(new ListPublishedNews.Query("es"));
        Assert.Contains(news.Rows, r => r.Headline == spanish.Headline);
    }

    [Fact]
    public async Task Seremban_s_Spanish_and_Korean_releases_read_wholly_in_their_language()
    {
        var visit = (await portal.SendAsync(new GetVisit.Query(await SerembanVisitIdAsync())))!;
        var report = await portal.WithDbAsync(db => db.VisitReports.SingleAsync(r => r.VisitId == visit.Id));
        var ids = await portal.WithDbAsync(db =>
            db.NewsReleases.Where(r => r.VisitReportId == report.Id).ToDictionaryAsync(r => r.Language, r => r.Id)
        );
        var spanish = (await portal.SendAsync(new GetNewsRelease.Query(ids["es"])))!;
        var korean = (await portal.SendAsync(new GetNewsRelease.Query(ids["ko"])))!;
        // The demo's English sentences: what a release in another language must not keep.
        string[] english =
        [
            visit.Organization.Name,
            visit.Plan.Purpose,
            visit.Delegation.HeadOfDelegationTitle!,
            .. visit.Agenda.Select(a => a.Title),
            .. visit.Topics,
            .. visit.Hosts.Select(h => h.Title!),
        ];

        foreach (var release in new[] { spanish, korean })
        {
            var text = release.Headline + "\n" + release.Body;
            Assert.All(english, sentence => Assert.DoesNotContain(sentence, text, StringComparison.Ordinal));
            Assert.Empty(release.Untranslated);
            Assert.Contains("Kakim Danabayev", release.Body, StringComparison.Ordinal);
            Assert.Contains(SerembanVisit.PressContactEmail, release.Body, StringComparison.Ordinal);
        }

        Assert.Contains("Ayuntamiento de Seremban", spanish.Body, StringComparison.Ordinal);
        Assert.Contains("Malasia", spanish.Body, StringComparison.Ordinal);
        Assert.Contains("Secretario General", spanish.Body, StringComparison.Ordinal);
        Assert.Contains("Concejal", spanish.Body, StringComparison.Ordinal);
        Assert.Equal("WeGO se reunió con la delegación del Ayuntamiento de Seremban", spanish.Headline);
        Assert.Contains("세렘반 시의회", korean.Body, StringComparison.Ordinal);
        Assert.Contains("말레이시아", korean.Body, StringComparison.Ordinal);
        Assert.Contains("사무총장", korean.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seremban_asked_about_membership_is_an_Associate_member_and_on_the_next_Committee_agenda()
    {
        var (seremban, inquiry, application, member) = await portal.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Name == "Seremban City Council");
            return (
                organization,
                await db.MembershipInquiries.SingleAsync(i => i.OrganizationId == organization.Id),
                await db
                    .MembershipApplications.Include(a => a.Documents)
                    .SingleAsync(a => a.OrganizationId == organization.Id),
                await db.Members.SingleAsync(m => m.OrganizationId == organization.Id)
            );
        });
        var visitId = await SerembanVisitIdAsync();

        Assert.Equal(visitId, inquiry.VisitId);
        Assert.True(inquiry.SubmittedAtUtc > new DateTime(2024, 10, 7, 0, 0, 0, DateTimeKind.Utc));
        Assert.EndsWith("@example.org", inquiry.Email, StringComparison.Ordinal);
        Assert.Equal(inquiry.Id, application.InquiryId);
        Assert.Equal(InquiryStage.Approved, inquiry.Stage);
        Assert.Equal(ApplicationState.Accepted, application.State);
        Assert.Single(application.Documents);
        Assert.Equal(MembershipCategory.Associate, member.Category);
        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.Equal(application.AcceptedOn, member.MemberSince);
        Assert.Equal(seremban.MemberSince, member.MemberSince);

        var meetings = await portal.SendAsync(new ListCommitteeMeetings.Query());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var next = Assert.Single(meetings.Meetings, m => m.HeldOn > today);
        var agenda = await portal.SendAsync(new GetCommitteeMeeting.Query(next.Id));
        Assert.Contains(agenda!.Items, i => i.ApplicationId == application.Id && i.Decision is null);
        var past = Assert.Single(meetings.Meetings, m => m.HeldOn < today);
        var minutes = await portal.SendAsync(new GetCommitteeMeeting.Query(past.Id));
        Assert.All(minutes!.Items, i => Assert.NotNull(i.Decision));
    }

    [Fact]
    public async Task The_network_spans_every_region_and_category_and_its_mail_reaches_no_one()
    {
        var directory = await portal.SendAsync(new ListMemberDirectory.Query());

        Assert.InRange(directory.Total, 24, 60);
        Assert.Equal(Enum.GetValues<Region>().Order(), directory.ByRegion.Keys.Order());
        Assert.Equal(
            Enum.GetValues<MembershipCategory>().Order(),
            directory.Entries.Select(e => e.Category).Distinct().Order()
        );
        var statuses = await portal.WithDbAsync(db => db.Members.Select(m => m.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<MemberStatus>().Order(), statuses.Order());
        var recipients = await portal.WithDbAsync(db => db.OutboxMessages.Select(m => m.To).ToListAsync());
        Assert.NotEmpty(recipients);
        Assert.All(recipients, to => Assert.EndsWith("example.org", to, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_city_s_request_to_visit_waits_in_the_triage_queue_for_dates_ahead()
    {
        var queue = await portal.SendAsync(new ListVisitRequests.Query());

        var waiting = Assert.Single(queue.ForTheSecretariat);
        Assert.Equal("Municipalidad de Ejemplo", waiting.OrganizationName);
        var request = await portal.WithDbAsync(db => db.VisitRequests.SingleAsync());
        Assert.Equal("es", request.PreferredLanguage);
        Assert.EndsWith("@example.org", request.Email, StringComparison.Ordinal);
        Assert.True(request.EarliestDate > DateOnly.FromDateTime(DateTime.UtcNow));
    }

    [Fact]
    public async Task Home_overview_counts_open_and_overdue_follow_ups_against_today()
    {
        var overview = await portal.SendAsync(new GetHomeOverview.Query());

        var today = Today;
        var open = await portal.WithDbAsync(db => db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open));
        var overdue = await portal.WithDbAsync(db =>
            db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open && f.DueOn < today)
        );
        Assert.Equal(open, overview.OpenFollowUps);
        Assert.Equal(overdue, overview.OverdueFollowUps);
        Assert.InRange(overdue, 1, open - 1);
        Assert.NotEmpty(overview.Recent);
        Assert.NotEmpty(overview.Upcoming);
    }

    [Fact]
    public async Task The_demo_is_a_working_year_around_today()
    {
        var today = Today;
        var seremban = await SerembanVisitIdAsync();
        var visits = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id != seremban)
                .Select(v => new
                {
                    v.StartsAtUtc,
                    v.Status,
                    v.Organization.Region,
                    Roster = v.Delegation.Members.Count,
                })
                .ToListAsync()
        );
        var days = visits.Select(v => DateOnly.FromDateTime(v.StartsAtUtc)).ToList();

        Assert.Equal(LivingHistory.Visits, visits.Count);
        Assert.All(days, d => Assert.InRange(d, today.AddYears(-1).AddDays(-1), today.AddMonths(4).AddDays(3)));
        Assert.Contains(days, d => d.Year == today.Year && d.Month == today.Month);
        Assert.InRange(days.Count(d => d > today), 5, LivingHistory.Visits / 2);
        Assert.Equal(Enum.GetValues<VisitStatus>().Order(), visits.Select(v => v.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<Region>().Order(), visits.Select(v => v.Region).Distinct().Order());
        Assert.Contains(visits, v => v.Roster > 0);

        var states = await portal.WithDbAsync(db =>
            db.VisitReports.Where(r => r.VisitId != seremban).Select(r => r.State).Distinct().ToListAsync()
        );
        Assert.Equal(Enum.GetValues<ReviewState>().Order(), states.Order());
        var stages = await portal.WithDbAsync(db =>
            db.MembershipInquiries.Select(i => i.Stage).Distinct().ToListAsync()
        );
        Assert.Equal(Enum.GetValues<InquiryStage>().Order(), stages.Order());
        var yearAgo = today.AddYears(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var published = await portal.WithDbAsync(db =>
            db.NewsReleases.Where(r => r.PublishedAtUtc > yearAgo).Select(r => r.Language).Distinct().ToListAsync()
        );
        Assert.Equal(["en", "es", "ko"], published.Order());
    }

    [Fact]
    public async Task Some_visited_organisations_joined_the_registry_after_their_visit()
    {
        var today = Today;
        var dashboard = await portal.SendAsync(
            new Application.Dashboard.GetDashboard.Query { From = today.AddYears(-1), To = today }
        );

        Assert.InRange(dashboard.Funnel.BecameMembers, 1, dashboard.Funnel.Visited);
    }

    [Fact]
    public async Task Every_address_in_the_demo_is_at_a_domain_reserved_for_examples()
    {
        var addresses = await portal.WithDbAsync(async db =>
        {
            var found = new List<(string Table, string Address)>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = db.Database.IsSqlite()
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                    : "SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the database's own catalogue.
                select.CommandText = $"SELECT * FROM \"{table}\"";
#pragma warning restore CA2100
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var c = 0; c < reader.FieldCount; c++)
                    {
                        if (reader.GetValue(c) is string text)
                        {
                            found.AddRange(EmailAddress().Matches(text).Select(m => (table, m.Value)));
                        }
                    }
                }
            }

            return found;
        });

        Assert.Contains(addresses, a => a.Table == "Contacts");
        Assert.Contains(addresses, a => a.Table == "DelegationMember");
        Assert.Contains(addresses, a => a.Table == "MembershipInquiries");
        // Besides the seed's press contact (a release's footer, never a recipient) and the administrator the test signs
        // in as, every address is at example.org.
        string[] notDemo = [SerembanVisit.PressContactEmail, PortalFactory.AdminEmail];
        Assert.All(addresses.Where(a => !notDemo.Contains(a.Address, StringComparer.OrdinalIgnoreCase)), a =>
            Assert.EndsWith("@example.org", a.Address, StringComparison.OrdinalIgnoreCase)
        );
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial System.Text.RegularExpressions.Regex EmailAddress();

    [Fact]
    public async Task Without_demo_seeding_only_reference_data_exists()
    {
        using var bare = new PortalFactory { SeedDemo = false }.Start();

        Assert.Equal(0, await bare.WithDbAsync(db => db.Visits.CountAsync()));
        Assert.Equal(7, await bare.WithDbAsync(db => db.RegionalOffices.CountAsync()));
    }
}
