using System.Globalization;
using WeGO.Portal.Bench.Generation;
using WeGO.Portal.Bench.Load;
using WeGO.Portal.Bench.VisitsList;
using WeGO.Portal.Infrastructure.DemoData.Generation;

namespace WeGO.Portal.Bench;

/// <summary>dotnet run -c Release --project bench/WeGO.Portal.Bench -- generate --visits 100000 --inquiries 100000
/// --data bench/out/100k and -- visits-list --data bench/out/100k. See docs/performance.md.</summary>
internal static class BenchProgram
{
    private const string Usage = """
        Usage:
          generate    --data <folder> [--visits 100000] [--inquiries 100000] [--cities <visits/20>]
                      [--seed 20241007] [--as-of 2026-11-24]
          visits-list --data <folder> [--iterations 100] [--warmup 10]
          dashboard   --data <folder> [--iterations 100] [--warmup 10]
          search      --data <folder> [--iterations 100] [--warmup 10]
          search-postgresql [--visits 100000] [--inquiries 100000] [--iterations 100] [--warmup 10]
          sessions    --data <folder> [--iterations 5000] [--warmup 500]
          load        --data <folder>[,<folder>...] [--connections 64] [--warmup 3] [--duration 10]
                      [--pages "visits list,visit page"] [--rounds 3]
          check       --data <folder> --client <autocannon> [--connections 64] [--warmup 5] [--duration 10]
                      [--pages "health probe (floor),news (public),public form (GET),dashboard"]
          outbox-drain [--messages 10000]
          allocations --data <folder> [--requests 200] [--warmup 20] [--pages "visits list,visit page"]
                      [--types 0]  (with N > 0: the N types each page allocates most, from the runtime's samples)
        """;

    /// <summary>What `check` measures with both clients by default: the floor, a cached public page, a form that cannot
    /// be cached, and the heaviest staff page.</summary>
    private const string IndependentCheckPages = "health probe (floor),news (public),public form (GET),dashboard";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var options = Options.Parse(args.Skip(1));
            switch (args[0])
            {
                case "generate":
                    await GenerateAsync(options);
                    return 0;
                case "visits-list":
                    return await VisitsListBenchmark.RunAsync(
                        options.Required("data"),
                        options.Int("iterations", 100),
                        options.Int("warmup", 10),
                        Console.Out
                    );
                case "dashboard":
                    return await Dashboard.DashboardBenchmark.RunAsync(
                        options.Required("data"),
                        options.Int("iterations", 100),
                        options.Int("warmup", 10),
                        Console.Out
                    );
                case "search":
                    return await Search.SearchBenchmark.RunAsync(
                        options.Required("data"),
                        options.Int("iterations", 100),
                        options.Int("warmup", 10),
                        Console.Out
                    );
                case "search-postgresql":
                    return await Search.SearchBenchmark.RunOnPostgreSqlAsync(
                        new GeneratorOptions(options.Int("visits", 100_000), options.Int("inquiries", 100_000)),
                        options.Int("iterations", 100),
                        options.Int("warmup", 10),
                        Console.Out
                    );
                case "sessions":
                    return await Sessions.SessionCheckBenchmark.RunAsync(
                        options.Required("data"),
                        options.Int("iterations", 5000),
                        options.Int("warmup", 500),
                        Console.Out
                    );
                case "load":
                    return await LoadBenchmark.RunAsync(
                        new LoadBenchmark.Settings(
                            options
                                .Required("data")
                                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                            Math.Max(1, options.Int("connections", 64)),
                            TimeSpan.FromSeconds(options.Int("warmup", 3)),
                            TimeSpan.FromSeconds(Math.Max(1, options.Int("duration", 10))),
                            options
                                .Value("pages")
                                ?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        )
                        {
                            Rounds = Math.Max(1, options.Int("rounds", 3)),
                        },
                        Console.Out
                    );
                case "check":
                    return await IndependentCheck.RunAsync(
                        new IndependentCheck.Settings(
                            options.Required("data"),
                            options.Required("client"),
                            Math.Max(1, options.Int("connections", 64)),
                            TimeSpan.FromSeconds(options.Int("warmup", 5)),
                            TimeSpan.FromSeconds(Math.Max(1, options.Int("duration", 10))),
                            (options.Value("pages") ?? IndependentCheckPages).Split(
                                ',',
                                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
                            )
                        ),
                        Console.Out
                    );
                case "allocations":
                    return await Allocations.AllocationsBenchmark.RunAsync(
                        options.Required("data"),
                        Math.Max(10, options.Int("requests", 200)),
                        options.Int("warmup", 20),
                        options
                            .Value("pages")
                            ?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                        options.Int("types", 0),
                        Console.Out
                    );
                case "outbox-drain":
                    return await Outbox.OutboxDrainBenchmark.RunAsync(options.Int("messages", 10_000), Console.Out);
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Usage);
            return 2;
        }
    }

    private static async Task GenerateAsync(Options options)
    {
        var generatorOptions = new GeneratorOptions(options.Int("visits", 100_000), options.Int("inquiries", 100_000))
        {
            Seed = options.Int("seed", GeneratorOptions.DefaultSeed),
            AsOf = options.Value("as-of") is { } asOf
                ? DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : GeneratorOptions.DefaultAsOf,
            Organizations = options.Value("cities") is null ? null : options.Int("cities", 0),
        };
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Generating {generatorOptions.Visits:N0} visits and {generatorOptions.Inquiries:N0} inquiries "
                    + $"(seed {generatorOptions.Seed}, as of {generatorOptions.AsOf:yyyy-MM-dd})"
            )
        );
        var result = await GeneratedDatabase.GenerateAsync(
            options.Required("data"),
            generatorOptions,
            CancellationToken.None
        );
        foreach (var (table, rows) in result.Rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table, -22} {rows, 10:N0}"));
        }

        var size = new FileInfo(result.DatabasePath).Length;
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"  {"total rows", -22} {result.Rows.Sum(r => r.Rows), 10:N0}\n"
                    + $"Wrote {result.DatabasePath} ({size / 1024.0 / 1024.0:N1} MiB) "
                    + $"in {result.Elapsed.TotalSeconds:N1} s"
            )
        );
        foreach (var line in GeneratedCoverage.Describe(result.DatabasePath, generatorOptions.AsOf))
        {
            Console.WriteLine("  " + line);
        }

        // The target is for 100,000 visits and 100,000 inquiries; smaller runs are scaled to it.
        var scale = Math.Max(generatorOptions.Visits, generatorOptions.Inquiries) / 100_000.0;
        if (scale >= 1)
        {
            var verdict = result.Elapsed.TotalSeconds / scale < 60 ? "pass" : "MISS";
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Target: 100,000 visits + 100,000 inquiries in under 60 s: {result.Elapsed.TotalSeconds:N1} s, "
                        + $"{verdict} (load average {LoadAverage.Now()})"
                )
            );
        }
    }

    /// <summary>--name value pairs.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

        public static Options Parse(IEnumerable<string> args)
        {
            var options = new Options();
            using var e = args.GetEnumerator();
            while (e.MoveNext())
            {
                var name = e.Current.StartsWith("--", StringComparison.Ordinal)
                    ? e.Current[2..]
                    : throw new ArgumentException($"Unexpected argument {e.Current}");
                options.values[name] = e.MoveNext()
                    ? e.Current
                    : throw new ArgumentException($"--{name} needs a value");
            }

            return options;
        }

        public string? Value(string name) => values.GetValueOrDefault(name);

        public string Required(string name) => Value(name) ?? throw new ArgumentException($"--{name} is required");

        public int Int(string name, int fallback) =>
            Value(name) is { } text
                ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
                    ? number
                    : throw new ArgumentException($"--{name} must be a whole number")
                : fallback;
    }
}
