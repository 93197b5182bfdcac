using System.Net;
using Microsoft.Data.Sqlite;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Reliability;

/// <summary>When the database cannot answer (here: another process holds an exclusive lock on the SQLite file),
/// the balancer is told "not ready", people see a friendly page, and everything recovers when the lock goes.</summary>
public sealed class DatabaseOutageTests(TestDurations durations) : IDisposable, IClassFixture<TestDurations>
{
    // A host per test: the test takes its database down, and the host's connection string is its own (no pool).
    private readonly PortalFactory portal = CreatePortal();

    private static PortalFactory CreatePortal()
    {
        var portal = new PortalFactory();
        // A short busy timeout so a locked database fails in a second rather than the default thirty. No pool: every
        // request opens the file and meets the lock, as an instance started during the outage would (pooled WAL
        // connections opened before the lock keep reading their snapshot, and the locker cannot get in past them).
        portal.Settings["ConnectionStrings:Portal"] =
            $"Data Source={Path.Combine(portal.DataDirectory, "portal.db")};Default Timeout=1;Pooling=False";
        return portal.Start();
    }

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_locked_database_makes_the_portal_unready_and_friendly_and_it_recovers_when_released()
    {
        using var timing = durations.Time(this);
        var city = TestData.Unique("Seremban City Council");
        await portal.ScheduleVisitAsync(c => c with { OrganizationName = city });
        var staff = PortalClient.For(portal);
        await staff.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        using (var before = await staff.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (await HoldExclusiveLockAsync())
        {
            using var ready = await staff.GetAsync("/health/ready");
            using var page = await staff.GetAsync("/Visits");
            var html = await page.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("cannot reach its database", html, StringComparison.Ordinal);
            Assert.Contains("correlation-id", html, StringComparison.Ordinal);
        }

        using var readyAgain = await staff.GetAsync("/health/ready");
        var visits = await staff.GetPageAsync("/Visits");
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
        Assert.Contains(city, visits, StringComparison.Ordinal);
    }

    private async Task<SqliteConnection> HoldExclusiveLockAsync()
    {
        // Not pooled: the lock must end when this connection is disposed.
        var connection = new SqliteConnection(
            $"Data Source={Path.Combine(portal.DataDirectory, "portal.db")};Pooling=False"
        );
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE Organizations SET Name = Name;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
