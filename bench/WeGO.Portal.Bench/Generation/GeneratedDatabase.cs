using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Infrastructure.Database;
using WeGO.Portal.Infrastructure.DemoData;
using WeGO.Portal.Infrastructure.DemoData.Generation;

namespace WeGO.Portal.Bench.Generation;

internal sealed record GeneratedData(
    string DatabasePath,
    IReadOnlyList<(string Table, int Rows)> Rows,
    TimeSpan Elapsed
);

/// <summary>A fresh portal database for the benchmarks: migrated by the portal's own start-up code, then filled by the
/// portal's <see cref="PortalDataGenerator"/> (the one the demo uses) at any volume, in a file of its own.</summary>
internal static class GeneratedDatabase
{
    public static async Task<GeneratedData> GenerateAsync(
        string dataDirectory,
        GeneratorOptions options,
        CancellationToken cancellationToken
    )
    {
        var started = Stopwatch.GetTimestamp();
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "portal.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var offices = await MigrateAsync(connectionString, cancellationToken);

        IReadOnlyList<(string, int)> rows;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            // A one-off load into a new file: a rollback journal and no fsync; WAL (what the portal uses) is set back
            // at the end.
            Execute(connection, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
            rows = PortalDataGenerator.Write(connection, transaction: null, options, offices);
            Execute(connection, "PRAGMA journal_mode=WAL;");
        }

        return new GeneratedData(path, rows, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The portal's own start-up steps: migrations (and WAL) through <see cref="DatabaseInitializer"/> on a
    /// context configured by <see cref="DatabaseRegistration"/>, then the regional offices every installation
    /// has.</summary>
    private static async Task<IReadOnlyDictionary<Domain.Organizations.Region, int>> MigrateAsync(
        string connectionString,
        CancellationToken cancellationToken
    )
    {
        var databaseOptions = new DatabaseOptions();
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseRegistration.Configure(builder, databaseOptions, connectionString);
        await using var db = new PortalDbContext(builder.Options);
        await new DatabaseInitializer(db, databaseOptions, NullLogger<DatabaseInitializer>.Instance).MigrateAsync(
            cancellationToken
        );
        await RegionalOffices.EnsureAsync(db, cancellationToken);
        return await PortalDataGenerator.OfficesByRegionAsync(db, cancellationToken);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
