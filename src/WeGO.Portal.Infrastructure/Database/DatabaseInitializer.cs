using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Infrastructure.Database;

/// <summary>Brings the database to the current schema at start-up.</summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    DatabaseOptions options,
    ILogger<DatabaseInitializer> logger
)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (!options.MigrateOnStartup)
        {
            logger.LogInformation("Database migration at start-up is off; the schema is the operator's to apply");
            return;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation(
                "Applying {Count} database migration(s) on {Provider}",
                pending.Count,
                options.Provider
            );
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers and the writer work at the same time; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
