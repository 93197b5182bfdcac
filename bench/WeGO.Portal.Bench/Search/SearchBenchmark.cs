using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Bench.Generation;
using WeGO.Portal.Bench.VisitsList;
using WeGO.Portal.Infrastructure.DemoData.Generation;

namespace WeGO.Portal.Bench.Search;

/// <summary>Times the lists' text search through the real portal on a generated database, one request at a time
/// through the mediator: a rare word, a common word and the start of a word, for the visits list, the inquiry
/// pipeline and the organisation picker (docs/decisions/0028). The target: p95 under 30 ms.</summary>
internal static class SearchBenchmark
{
    public const double TargetMs = 30;

    public static async Task<int> RunAsync(string data, int iterations, int warmup, TextWriter output)
    {
        var folder = Path.GetFullPath(data);
        if (!File.Exists(Path.Combine(folder, "portal.db")))
        {
            await output.WriteLineAsync($"No portal.db in {folder}: run the generate command first.");
            return 2;
        }

        return await HostConsole.AsideAsync(folder, () =>
            RunOnAsync(folder, settings: null, Math.Max(1, iterations), warmup, output)
        );
    }

    /// <summary>The same cases on PostgreSQL: a throwaway cluster from Debian's binaries (the tests'
    /// <see cref="Testing.PostgreSqlCluster"/>), a database filled by the same generator with the same options, and
    /// the portal started on it.</summary>
    public static async Task<int> RunOnPostgreSqlAsync(
        GeneratorOptions generate,
        int iterations,
        int warmup,
        TextWriter output
    )
    {
        var connectionString = Testing.PostgreSqlCluster.CreateDatabase();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = await GeneratedDatabase.GenerateOnPostgreSqlAsync(
            connectionString,
            generate,
            CancellationToken.None
        );
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"PostgreSQL filled by the generator: {rows.Sum(r => r.Rows):N0} rows in "
                    + $"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s"
            )
        );

        var folder = Directory.CreateTempSubdirectory("wego-bench-pg-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = connectionString,
        };
        return await HostConsole.AsideAsync(folder, () =>
            RunOnAsync(folder, settings, Math.Max(1, iterations), warmup, output)
        );
    }

    private static async Task<int> RunOnAsync(
        string folder,
        Dictionary<string, string>? settings,
        int iterations,
        int warmup,
        TextWriter output
    )
    {
        using var portal = new BenchPortal(folder, settings);
        _ = portal.Server;
        // Words the generated data holds: a surname few rows carry, a word most rows carry, the start of a word.
        var (heads, visits, inquiries) = await portal.WithDbAsync(async db =>
            (
                await db.Set<Domain.Visits.Delegation>()
                    .Where(d => d.HeadOfDelegation != null)
                    .OrderBy(d => d.Id)
                    .Select(d => d.HeadOfDelegation!)
                    .Take(1000)
                    .ToListAsync(),
                await db.Visits.CountAsync(),
                await db.MembershipInquiries.CountAsync()
            )
        );
        // A Latin surname long enough for the trigram index (two-character names take the LIKE path).
        var surname = heads
            .Select(h => h.Split(' ')[^1])
            .Where(w => w.Length >= 7 && w.All(char.IsAsciiLetter))
            .Skip(7)
            .First();
        (string Kind, string Text)[] words = [("rare", surname), ("common", "city"), ("prefix", "Metrop")];
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"""

                Text search on {settings?["Database:Provider"] ?? "SQLite"}, {folder}
                  {visits:N0} visits, {inquiries:N0} inquiries ({BenchPortal.Environment}, in process, one at a time)
                  {Environment.ProcessorCount} cores, load average {LoadAverage.Now()} at start;
                  {iterations} timed requests per case after {warmup} warm-up
                """
            )
        );

        var results = new List<Dashboard.DashboardBenchmark.Result>();
        foreach (var (kind, text) in words)
        {
            await Time($"visits, {kind} \"{text}\"", Roles.Administrator, async m =>
            {
                var r = await m.Send(new ListVisits.Query(new ListVisits.Filter { Text = text }));
                return $"{r.TotalCount:N0} found";
            });
            await Time($"inquiries, {kind} \"{text}\"", Roles.Administrator, async m =>
            {
                var r = await m.Send(new ListInquiries.Query(new ListInquiries.Filter { Text = text }));
                return $"{r.TotalCount:N0} found";
            });
            await Time($"organisations, {kind} \"{text}\"", Roles.Administrator, async m =>
            {
                var r = await m.Send(new StartApplication.ChoicesQuery(text, null));
                return $"{r.Count:N0} shown";
            });
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("| case | shows | p50 ms | p95 ms | p99 ms | p95 < 30 ms |");
        await output.WriteLineAsync("|---|---|---:|---:|---:|:---:|");
        foreach (var r in results)
        {
            await output.WriteLineAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {r.Case} | {r.Shown} | {r.Percentile(50):N1} | {r.Percentile(95):N1} | {r.Percentile(99):N1} "
                        + $"| {(r.Percentile(95) < TargetMs ? "yes" : "**no**")} |"
                )
            );
        }
        await output.WriteLineAsync($"Load average at the end: {LoadAverage.Now()}.");
        return results.All(r => r.Percentile(95) < TargetMs) ? 0 : 1;

        async Task Time(string name, string role, Func<Mediator.IMediator, Task<string>> send)
        {
            var shown = "";
            var samples = await Timing.TimeAsync(iterations, warmup, async () =>
                shown = await portal.SendAsAsync(role, m => new ValueTask<string>(send(m)))
            );
            results.Add(new Dashboard.DashboardBenchmark.Result(name, shown, samples));
        }
    }
}
