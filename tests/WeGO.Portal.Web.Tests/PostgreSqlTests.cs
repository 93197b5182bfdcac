using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Infrastructure.DemoData;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests;

/// <summary>The portal on a real PostgreSQL server (<see cref="PostgreSqlCluster"/>, docs/decisions/0038): each test
/// starts a portal on a fresh database of its own.</summary>
public sealed class PostgreSqlTests : IDisposable
{
    private readonly List<PortalFactory> portals = [];

    public void Dispose()
    {
        foreach (var portal in portals)
        {
            portal.Dispose();
        }
    }

    private PortalFactory Portal(bool seedDemo = false)
    {
        var portal = new PortalFactory { SeedDemo = seedDemo, Database = TestDatabase.PostgreSql };
        portal.Settings["Portal:Inquiries:RateLimit:PermitLimit"] = "100000";
        portals.Add(portal);
        return portal.Start();
    }

    [PostgreSqlFact]
    public async Task The_portal_starts_on_an_empty_database_and_migrates_it()
    {
        var portal = Portal();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(
            "bogota d.c.",
            await db.Database.SqlQueryRaw<string>("SELECT portal_fold('BOGOTÁ D.C.') AS \"Value\"").SingleAsync()
        );
        Assert.True(await db.Users.AnyAsync(u => u.Email == PortalFactory.AdminEmail));
    }

    [PostgreSqlFact]
    public async Task The_demo_seeds_and_the_seremban_visit_the_dashboard_and_the_searches_render()
    {
        var portal = Portal(seedDemo: true);
        var visitId = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Organization.Name == SerembanVisit.CityName).Select(v => v.Id).SingleAsync()
        );
        var staff = await PortalClient.NewStaffSignedInAsync(portal, Roles.SecretariatStaff);

        var visit = await staff.GetPageAsync($"/Visits/Details/{visitId}");
        Assert.Contains("Seremban City Council", visit, StringComparison.Ordinal);
        Assert.Contains("Majlis Bandaraya Seremban", visit, StringComparison.Ordinal);
        using var dashboard = await staff.GetAsync("/Dashboard?From=2024-10-01&To=2024-10-31");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        // Text search ignores case and accents, through the index (three letters or more) and through LIKE.
        foreach (var text in (string[])["seremban", "SEREMBÁN", "bandaraya", "SE"])
        {
            var found = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter { Text = text }, 1, 1000));
            Assert.Contains(found.Rows, r => r.Id == visitId);
        }

        var none = await portal.SendAsync(new ListVisits.Query(new ListVisits.Filter { Text = "serembanx" }));
        Assert.DoesNotContain(none.Rows, r => r.Id == visitId);
    }

    [PostgreSqlFact]
    public async Task The_demos_living_year_shows_on_every_page_that_looks_at_today_and_seremban_reads_as_the_seed()
    {
        var portal = Portal(seedDemo: true);

        await FirstRunTests.EveryPageThatLooksAtTodayShowsAsync(portal);
        await FirstRunTests.SerembanReadsAsTheSeedAsync(portal);

        // The generator wrote its own ids; rows added afterwards through EF Core still get free ones.
        var director = await PortalClient.NewStaffSignedInAsync(portal, Roles.ProgramDirector);
        using var posted = await PortalClient.For(portal).PostFormAsync("/Membership/Join", JoinPageTests.Seremban());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("lee.kaiyet@mbs.gov.my", await director.GetPageAsync("/Membership/Inquiries"));
    }

    [PostgreSqlFact]
    public async Task A_public_membership_inquiry_is_stored_exactly_once_with_its_two_mails()
    {
        var portal = Portal();
        var client = PortalClient.For(portal);

        using var posted = await client.PostFormAsync("/Membership/Join", JoinPageTests.Seremban());

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(
            (1, 2),
            await portal.WithDbAsync(async db =>
                (
                    await db.MembershipInquiries.CountAsync(i => i.Email == "lee.kaiyet@mbs.gov.my"),
                    await db.OutboxMessages.CountAsync()
                )
            )
        );
    }

    /// <summary>The dashboard groups visits by the year and month of their start moved by the secretariat's offset.
    /// PostgreSQL takes the parts of a <c>timestamptz</c> in the session's time zone, but Npgsql's translation reads
    /// them <c>AT TIME ZONE 'UTC'</c>, so a connection string naming another zone changes nothing.</summary>
    [PostgreSqlFact]
    public async Task Dates_are_taken_apart_in_utc_when_the_connection_string_names_another_time_zone()
    {
        var database = Portal();
        var inSeoul = new PortalFactory { SeedDemo = false, Database = TestDatabase.PostgreSql };
        inSeoul.Settings["ConnectionStrings:Portal"] = database.DatabaseConnectionString + ";Timezone=Asia/Seoul";
        portals.Add(inSeoul);
        inSeoul.Start();
        var visitId = await inSeoul.ScheduleVisitAsync();

        // As the dashboard takes them: the start moved by the secretariat's offset (here none), then its parts.
        var minutes = 0.0;
        var read = await inSeoul.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId)
                .Select(v => new { v.StartsAtUtc, Local = v.StartsAtUtc.AddMinutes(minutes) })
                .Select(v => new
                {
                    v.StartsAtUtc,
                    v.Local.Day,
                    v.Local.Hour,
                })
                .SingleAsync()
        );

        Assert.Equal((read.StartsAtUtc.Day, read.StartsAtUtc.Hour), (read.Day, read.Hour));
        Assert.Equal(
            "Asia/Seoul",
            await inSeoul.WithDbAsync(db =>
                db.Database.SqlQueryRaw<string>("SELECT current_setting('TimeZone') AS \"Value\"").SingleAsync()
            )
        );
    }

    [PostgreSqlFact]
    public Task The_second_of_two_editors_of_a_visit_is_told_what_changed() =>
        VisitPagesTests.SecondOfTwoEditorsIsToldWhatChangedAsync(Portal());
}
