using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Home;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Infrastructure.DemoData;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

public sealed class DemoDataTests : IDisposable
{
    private readonly PortalFactory portal = new PortalFactory { SeedDemo = true }.Start();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_scenario_visit_is_there_as_the_news_release_tells_it()
    {
        var visitId = await portal.WithDbAsync(db => db.Visits.Select(v => v.Id).SingleAsync());

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

        Assert.False(await SerembanVisit.EnsureAsync(db, TimeProvider.System, CancellationToken.None));
        await RegionalOffices.EnsureAsync(db, CancellationToken.None);

        Assert.Equal(1, await db.Visits.CountAsync());
        Assert.Equal(1, await db.Organizations.CountAsync());
        Assert.Equal(3, await db.FollowUps.CountAsync());
        Assert.Equal(7, await db.RegionalOffices.CountAsync());
        Assert.Equal(1, await db.RegionalOffices.CountAsync(o => o.IsSecretariat && o.City == "Seoul"));
    }

    [Fact]
    public async Task Home_overview_counts_open_and_overdue_follow_ups_against_today()
    {
        var overview = await portal.SendAsync(new GetHomeOverview.Query());

        var open = await portal.WithDbAsync(db => db.FollowUps.CountAsync(f => f.Status == FollowUpStatus.Open));
        Assert.Equal(2, open);
        Assert.Equal(open, overview.OpenFollowUps);
        Assert.Equal(2, overview.OverdueFollowUps);
        Assert.Equal("Seremban City Council", Assert.Single(overview.Recent).Organization);
        Assert.Empty(overview.Upcoming);
    }

    [Fact]
    public async Task Without_demo_seeding_only_reference_data_exists()
    {
        using var bare = new PortalFactory { SeedDemo = false }.Start();

        Assert.Equal(0, await bare.WithDbAsync(db => db.Visits.CountAsync()));
        Assert.Equal(7, await bare.WithDbAsync(db => db.RegionalOffices.CountAsync()));
    }
}
