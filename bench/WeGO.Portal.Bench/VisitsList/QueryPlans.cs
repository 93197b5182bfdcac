using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Infrastructure.Database;

namespace WeGO.Portal.Bench.VisitsList;

/// <summary>For each case: the SQL the real handler (<see cref="ListVisits.Handler"/>, ...) sends, how long each
/// statement takes on its own, and SQLite's EXPLAIN QUERY PLAN: where a slow case spends its time and which index would
/// help.</summary>
internal static class QueryPlans
{
    public static async Task WriteAsync(
        string databasePath,
        IEnumerable<(string Name, Func<PortalDbContext, Task> Run)> queries,
        string outputPath
    )
    {
        var capture = new CommandCapture();
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseRegistration.Configure(builder, new DatabaseOptions(), $"Data Source={databasePath}");
        builder.AddInterceptors(capture);
        await using var db = new PortalDbContext(builder.Options);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        var text = new StringBuilder();
        foreach (var (title, run) in queries)
        {
            capture.Commands.Clear();
            await run(db);
            text.AppendLine(CultureInfo.InvariantCulture, $"=== {title}");
            foreach (var (sql, parameters) in capture.Commands.ToList())
            {
                text.AppendLine(sql);
                foreach (var (name, value) in parameters)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  -- {name} = {Show(value)}");
                }

                await using var command = connection.CreateCommand();
                foreach (var (name, value) in parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

#pragma warning disable CA2100 // The SQL is EF Core's own, captured above; values stay parameters.
                command.CommandText = sql;
                var timings = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await using (var reader = await command.ExecuteReaderAsync())
                    {
                        while (await reader.ReadAsync()) { }
                    }

                    timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                text.AppendLine(
                    CultureInfo.InvariantCulture,
                    $"  -- alone: median {timings.Order().ElementAt(2):N1} ms of 5 runs"
                );
                command.CommandText = "EXPLAIN QUERY PLAN " + sql;
#pragma warning restore CA2100
                var depth = new Dictionary<long, int> { [0] = 0 };
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        var id = reader.GetInt64(0);
                        var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
                        depth[id] = level;
                        text.Append(' ', 2 * level).AppendLine(reader.GetString(3));
                    }
                }

                text.AppendLine();
            }
        }

        await File.WriteAllTextAsync(outputPath, text.ToString());
    }

    private static string? Show(object? value) =>
        value switch
        {
            DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default
        )
        {
            Commands.Add(
                (
                    command.CommandText,
                    [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]
                )
            );
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
