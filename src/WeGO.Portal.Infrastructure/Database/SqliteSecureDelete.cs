using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WeGO.Portal.Infrastructure.Database;

/// <summary>Turns on SQLite's <c>secure_delete</c> on every connection the portal opens, once per database handle
/// (pooled handles keep it): deleted and overwritten values are zeroed in the file instead of lingering in free space,
/// so an erased person cannot be read back from the database file.</summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (ToPrepare(connection) is { } sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = Pragma;
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
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private const string Pragma = "PRAGMA secure_delete = ON;";

    private static SqliteConnection? ToPrepare(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && Prepared.TryAdd(handle, Prepared)
            ? sqlite
            : null;
}
