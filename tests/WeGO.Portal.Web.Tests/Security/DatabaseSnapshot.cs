using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>Every row of every table of the portal's SQLite database, to say exactly what a request changed.</summary>
public sealed class DatabaseSnapshot
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string?>>> tables;

    private DatabaseSnapshot(Dictionary<string, Dictionary<string, Dictionary<string, string?>>> tables) =>
        this.tables = tables;

    /// <summary>One changed cell; an added row gives one change per column (Before null), a removed row one change
    /// for its key (Column "*").</summary>
    public sealed record Change(string Table, string Key, string Column, string? Before, string? After)
    {
        public override string ToString() => $"{Table}[{Key}].{Column}: {Before ?? "(none)"} -> {After ?? "(removed)"}";
    }

    public static Task<DatabaseSnapshot> TakeAsync(PortalFactory portal) =>
        portal.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            var tables = new Dictionary<string, Dictionary<string, Dictionary<string, string?>>>(
                StringComparer.Ordinal
            );
            // The text-search indexes (FTS5 virtual tables and their shadow tables) are written by triggers from the
            // rows themselves, so they change with whatever they index; TextSearchTests checks them.
            var searchIndexes = (
                await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            )
                .Select(t => t["name"]!)
                .ToList();
            foreach (
                var table in await ReadAsync(
                    connection,
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            )
            {
                var name = table["name"]!;
                if (searchIndexes.Any(index => name == index || name.StartsWith(index + "_", StringComparison.Ordinal)))
                {
                    continue;
                }

                var keys = (await ReadAsync(connection, $"PRAGMA table_info(\"{name}\")"))
                    .Where(c => c["pk"] != "0")
                    .OrderBy(c => c["pk"], StringComparer.Ordinal)
                    .Select(c => c["name"]!)
                    .ToList();
                var rows = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
                foreach (var row in await ReadAsync(connection, $"SELECT * FROM \"{name}\""))
                {
                    var key =
                        keys.Count > 0 ? string.Join("|", keys.Select(k => row[k])) : string.Join("|", row.Values);
                    rows[key] = row;
                }

                tables[name] = rows;
            }

            return new DatabaseSnapshot(tables);
        });

    /// <summary>What changed from <paramref name="before"/> to this snapshot.</summary>
    public IReadOnlyList<Change> ChangesSince(DatabaseSnapshot before)
    {
        var changes = new List<Change>();
        foreach (var (table, rows) in tables)
        {
            var earlier = before.tables.GetValueOrDefault(table) ?? [];
            foreach (var (key, row) in rows)
            {
                var old = earlier.GetValueOrDefault(key);
                changes.AddRange(
                    row.Where(cell => old is null || old[cell.Key] != cell.Value)
                        .Select(cell => new Change(table, key, cell.Key, old?[cell.Key], cell.Value))
                );
            }

            changes.AddRange(
                earlier.Keys.Where(key => !rows.ContainsKey(key)).Select(key => new Change(table, key, "*", key, null))
            );
        }

        return changes;
    }

    private static async Task<List<Dictionary<string, string?>>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i)
                    ? null
                    : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}
