using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WeGO.Portal.Infrastructure.Database;

/// <summary>Sets up every SQLite connection the portal opens, once per database handle (pooled handles keep it):
/// <c>secure_delete</c>, so deleted and overwritten values are zeroed in the file instead of lingering in free space
/// (an erased person cannot be read back from the database file); and the size of the handle's page cache
/// (<see cref="DatabaseOptions.SqliteCacheKib"/>), which every pooled handle holds for as long as the process
/// lives.</summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    private readonly string pragmas;

    private SqliteConnectionSetup(int cacheKib) =>
        pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA secure_delete = ON; PRAGMA cache_size = -{cacheKib};"
        );

    /// <summary>One interceptor per cache size, so each context's options carry the same instance.</summary>
    public static SqliteConnectionSetup For(int cacheKib) =>
        BySize.GetOrAdd(Math.Max(cacheKib, 1), size => new SqliteConnectionSetup(size));

    private static readonly ConcurrentDictionary<int, SqliteConnectionSetup> BySize = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (ToPrepare(connection) is { } sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (ToPrepare(connection) is { } sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SqliteConnection? ToPrepare(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && Prepared.TryAdd(handle, Prepared)
            ? sqlite
            : null;
}
