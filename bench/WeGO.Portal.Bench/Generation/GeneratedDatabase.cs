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
        var offices = await MigrateAsync(new DatabaseOptions(), connectionString, cancellationToken);

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

    /// <summary>The same history in an empty PostgreSQL database (the search benchmark's second engine): migrated by
    /// the portal's start-up code, filled in transactions of the generator's own.</summary>
    public static async Task<IReadOnlyList<(string Table, int Rows)>> GenerateOnPostgreSqlAsync(
        string connectionString,
        GeneratorOptions options,
        CancellationToken cancellationToken
    )
    {
        var offices = await MigrateAsync(
            new DatabaseOptions { Provider = DatabaseProvider.PostgreSql },
            connectionString,
            cancellationToken
        );
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // A load into an empty database, as pg_restore does it: foreign keys unchecked for this session (the test
        // cluster's user may), so the generator can send 500 rows an INSERT in whatever order its tables fill.
        await using (var replica = new Npgsql.NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync(cancellationToken);
        }

        var rows = PortalDataGenerator.Write(connection, transaction: null, options, offices, rowsPerStatement: 500);
        await using var analyze = new Npgsql.NpgsqlCommand("RESET session_replication_role; ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return rows;
    }

    /// <summary>The portal's own start-up steps: migrations (and WAL on SQLite) through
    /// <see cref="DatabaseInitializer"/> on a context configured by <see cref="DatabaseRegistration"/>, then the
    /// regional offices every installation has.</summary>
    private static async Task<IReadOnlyDictionary<Domain.Organizations.Region, int>> MigrateAsync(
        DatabaseOptions databaseOptions,
        string connectionString,
        CancellationToken cancellationToken
    )
    {
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
