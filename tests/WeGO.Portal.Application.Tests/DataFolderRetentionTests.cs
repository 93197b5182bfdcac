using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Infrastructure.Retention;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The retention of the files under the data folder, run by the portal's own background service against a
/// clock the test moves: log files last written more than <c>Portal:Logging:RetentionDays</c> (30) days ago and
/// Development's pickup mails older than <c>Portal:Mail:SentRetentionDays</c> (90) are deleted; younger files, other
/// files in the mail folder and the rest of the data folder stay.</summary>
// About the data folder's files, SQLite's portal.db among them; the database plays no other part.
[Trait("Database", "SqliteOnly")]
public sealed class DataFolderRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Written = new(2026, 10, 1, 3, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal = new(new FixedClock(Written))
    {
        SeedDemo = false,
        Database = TestDatabase.Sqlite,
    };

    public void Dispose() => portal.Dispose();

    private (int LogFiles, int MailFiles) RunRetention() =>
        portal.Services.GetServices<IHostedService>().OfType<DataFolderRetention>().Single().RunOnce();

    private string FileAt(string folder, string name, DateTimeOffset writtenAt)
    {
        var path = Path.Combine(portal.DataDirectory, folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "lee.kaiyet@mbs.gov.my");
        File.SetLastWriteTimeUtc(path, writtenAt.UtcDateTime);
        return path;
    }

    [Fact]
    public void Old_log_files_and_pickup_mails_are_deleted_after_their_settings_and_nothing_else()
    {
        _ = portal.Services;
        var oldLog = FileAt("logs", "portal-20261001.json", Written);
        var newerLog = FileAt("logs", "portal-20261002.json", Written.AddDays(1));
        var oldMail = FileAt("mail", "3f2a.eml", Written);
        var newerMail = FileAt("mail", "9c1b.eml", Written.AddDays(1));
        var notMail = FileAt("mail", "notes.txt", Written);
        var database = Path.Combine(portal.DataDirectory, "portal.db");
        Assert.True(File.Exists(database));

        portal.Clock.Now = Written.AddDays(30).AddMinutes(-1);
        Assert.Equal((0, 0), RunRetention());
        Assert.True(File.Exists(oldLog));

        portal.Clock.Now = Written.AddDays(30).AddMinutes(1);
        Assert.Equal((1, 0), RunRetention());
        Assert.Equal((false, true), (File.Exists(oldLog), File.Exists(newerLog)));

        portal.Clock.Now = Written.AddDays(90).AddMinutes(-1);
        Assert.Equal((1, 0), RunRetention());
        Assert.True(File.Exists(oldMail));

        portal.Clock.Now = Written.AddDays(90).AddMinutes(1);
        Assert.Equal((0, 1), RunRetention());
        Assert.Equal((false, true, true), (File.Exists(oldMail), File.Exists(newerMail), File.Exists(notMail)));
        Assert.True(File.Exists(database));
    }

    [Fact]
    public void Zero_days_keeps_the_files()
    {
        portal.Settings["Portal:Logging:RetentionDays"] = "0";
        portal.Settings["Portal:Mail:SentRetentionDays"] = "0";
        _ = portal.Services;
        var log = FileAt("logs", "portal-20161001.json", Written.AddYears(-10));
        var mail = FileAt("mail", "3f2a.eml", Written.AddYears(-10));

        Assert.Equal((0, 0), RunRetention());

        Assert.True(File.Exists(log) && File.Exists(mail));
    }
}
