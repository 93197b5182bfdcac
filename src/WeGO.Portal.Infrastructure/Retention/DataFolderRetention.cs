using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Every hour, on the rhythm of <see cref="RetentionRun"/>, deletes the files under the data folder that
/// outlived their setting: log files under <c>logs</c> last written more than <c>Portal:Logging:RetentionDays</c> ago,
/// and the mail written to the <c>mail</c> pickup folder (Development) more than <c>Portal:Mail:SentRetentionDays</c>
/// ago. No database, so not through the mediator; 0 days keeps a folder's files.</summary>
public sealed partial class DataFolderRetention(
    PortalDataDirectory data,
    TimeProvider clock,
    IOptionsMonitor<LogSettings> logSettings,
    IOptionsMonitor<MailSettings> mailSettings,
    ILogger<DataFolderRetention> logger
) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RetentionRun.EveryHourAsync(
            clock,
            _ =>
            {
                RunOnce();
                return Task.CompletedTask;
            },
            stoppingToken
        );

    /// <summary>One run: the number of log files and of mail files deleted.</summary>
    public (int LogFiles, int MailFiles) RunOnce()
    {
        var logs = Sweep(data.Combine("logs"), "*", logSettings.CurrentValue.RetentionDays);
        var mails = Sweep(data.Combine("mail"), "*.eml", mailSettings.CurrentValue.SentRetentionDays);
        if (logs + mails > 0)
        {
            LogSwept(logger, logs, mails);
        }

        return (logs, mails);
    }

    private int Sweep(string folder, string pattern, int days)
    {
        if (days <= 0 || !Directory.Exists(folder))
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles(pattern))
        {
            if (file.LastWriteTimeUtc >= cutoff)
            {
                continue;
            }

            try
            {
                file.Delete();
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held open or read-only: the next hour tries again.
                LogNotDeleted(logger, e, file.Name);
            }
        }

        return deleted;
    }

    [LoggerMessage(LogLevel.Information, "Retention: {LogFiles} log files and {MailFiles} pickup mails deleted")]
    private static partial void LogSwept(ILogger logger, int logFiles, int mailFiles);

    [LoggerMessage(LogLevel.Warning, "Retention could not delete {File}")]
    private static partial void LogNotDeleted(ILogger logger, Exception exception, string file);
}
