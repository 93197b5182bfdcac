using System.Diagnostics;
using System.Globalization;
using System.Net;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Home;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Bench.VisitsList;

/// <summary>Times the visits list through the real portal on a generated database: the <see cref="ListVisits"/> query
/// through the mediator pipeline, and the pages over HTTP as a signed-in member of staff.</summary>
internal static class VisitsListBenchmark
{
    public const double TargetMs = 100;
    private const string StaffEmail = "bench-staff@wego-portal.local";
    private const string StaffPassword = "Bench-Staff-Password-2024";

    /// <summary>One way of asking for the list; <see cref="Path"/> is the same question to the /Visits page.</summary>
    internal sealed record Case(string Name, ListVisits.Query Query, string Path);

    public static async Task<int> RunAsync(string data, int iterations, int warmup, TextWriter output)
    {
        var folder = Path.GetFullPath(data);
        if (!File.Exists(Path.Combine(folder, "portal.db")))
        {
            await output.WriteLineAsync($"No portal.db in {folder}: run the generate command first.");
            return 2;
        }

        if (iterations < 1)
        {
            throw new ArgumentException("--iterations must be at least 1");
        }

        return await HostConsole.AsideAsync(folder, () => RunOnAsync(folder, iterations, warmup, output));
    }

    private static async Task<int> RunOnAsync(string folder, int iterations, int warmup, TextWriter output)
    {
        using var portal = new BenchPortal(folder);
        var startup = Stopwatch.StartNew();
        _ = portal.Server;
        startup.Stop();
        await portal.EnsureUserAsync(StaffEmail, StaffPassword, "Benchmark", Roles.SecretariatStaff);

        var visits = await portal.WithDbAsync(db => db.Visits.CountAsync());
        var cases = Cases(visits);
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"""

                Visits list on {folder}
                  {visits:N0} visits; portal started in {startup.Elapsed.TotalSeconds:N1} s
                  ({BenchPortal.Environment}, in-memory TestServer, {BenchPortal.GarbageCollector} GC)
                  {Environment.ProcessorCount} cores, load average {LoadAverage.Now()};
                  {iterations} timed requests per case after {warmup} warm-up, one at a time
                """
            )
        );

        var results = new List<Result>();
        foreach (var @case in cases)
        {
            var matches = 0;
            var samples = await Timing.TimeAsync(iterations, warmup, async () =>
            {
                var result = await portal.SendAsAsync(Roles.SecretariatStaff, mediator => mediator.Send(@case.Query));
                matches = result.TotalCount;
            });
            results.Add(new Result("mediator: " + @case.Name, visits, matches, samples));
        }

        var overview = await Timing.TimeAsync(iterations, warmup, async () =>
        {
            _ = await portal.SendAsAsync(Roles.SecretariatStaff, mediator =>
                mediator.Send(new GetHomeOverview.Query())
            );
        });
        results.Add(new Result("mediator: home overview (GetHomeOverview)", visits, null, overview));

        var notes = new List<string>();
        var client = new PortalClient(
            portal.CreateClient(
                new WebApplicationFactoryClientOptions
                {
                    AllowAutoRedirect = false,
                    HandleCookies = true,
                    BaseAddress = new Uri("https://portal.test"),
                }
            )
        );
        await client.SignInAsync(StaffEmail, StaffPassword);

        var http = new List<(string Name, string Path, int? Matches)>
        {
            ("home page: upcoming and recent visits", "/", null),
        };
        using (var probe = await client.GetAsync("/Visits"))
        {
            if (probe.StatusCode == HttpStatusCode.NotFound)
            {
                notes.Add(
                    "GET /Visits answered 404: this checkout has no visits list page yet, "
                        + "so its HTTP cases were skipped."
                );
            }
            else
            {
                http.AddRange(
                    cases.Select(c =>
                        (c.Name, c.Path, (int?)results.Single(r => r.Case == "mediator: " + c.Name).Matches)
                    )
                );
            }
        }

        foreach (var (name, path, matches) in http)
        {
            var samples = await Timing.TimeAsync(iterations, warmup, async () =>
            {
                using var response = await client.GetAsync(path);
                _ = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException(
                        $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}"
                    );
                }
            });
            results.Add(new Result($"GET {path} ({name})", visits, matches, samples));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        await output.WriteLineAsync();
        await output.WriteLineAsync(Table(results));
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB "
                    + $"(the whole process: portal, benchmark, SQLite page cache)"
            )
        );
        foreach (var note in notes)
        {
            await output.WriteLineAsync("Note: " + note);
        }

        var plans = Path.Combine(folder, "query-plans.txt");
        var clock = portal.Services.GetRequiredService<TimeProvider>();
        // No caching here: the plans are of every statement the list runs.
        var uncached = new ReadCache(
            portal.Services.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>(),
            portal.Services.GetRequiredService<DataGenerations>(),
            Microsoft.Extensions.Options.Options.Create(new CacheSettings { Seconds = 0 })
        );
        await QueryPlans.WriteAsync(
            Path.Combine(folder, "portal.db"),
            [
                .. cases.Select(c =>
                    (
                        c.Name,
                        (Func<PortalDbContext, Task>)(
                            db =>
                                new ListVisits.Handler(db, new SystemActor(), uncached)
                                    .Handle(c.Query, CancellationToken.None)
                                    .AsTask()
                        )
                    )
                ),
                ("home overview (GetHomeOverview)", db =>
                    new GetHomeOverview.Handler(db, new SystemActor(), clock, Uncached.Of(portal.Services))
                        .Handle(new GetHomeOverview.Query(), CancellationToken.None)
                        .AsTask()
                ),
            ],
            plans
        );
        await output.WriteLineAsync($"SQL and EXPLAIN QUERY PLAN of each case: {plans}");
        return 0;
    }

    /// <summary>The lists a member of staff asks for most: the first page, by status, text searches, a year, the last
    /// page, a region, sorted by city. The /Visits query strings guess the page's parameter names (Status, Text, From,
    /// To, Page, Region, Sort); change them here if the page binds other names.</summary>
    internal static IReadOnlyList<Case> Cases(int visits)
    {
        const int pageSize = 25;
        var lastPage = Math.Max(1, (visits + pageSize - 1) / pageSize);
        return
        [
            new("first page, newest first", new ListVisits.Query(new ListVisits.Filter()), "/Visits"),
            new(
                "status Confirmed",
                new ListVisits.Query(new ListVisits.Filter { Status = VisitStatus.Confirmed }),
                "/Visits?Filter.Status=Confirmed"
            ),
            new(
                "text \"city\" (matches most)",
                new ListVisits.Query(new ListVisits.Filter { Text = "city" }),
                "/Visits?Filter.Text=city"
            ),
            new(
                "text \"Garcia\" (a surname, few matches)",
                new ListVisits.Query(new ListVisits.Filter { Text = "Garcia" }),
                "/Visits?Filter.Text=Garcia"
            ),
            new(
                "dates 2024-01-01 to 2024-12-31",
                new ListVisits.Query(
                    new ListVisits.Filter { From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 12, 31) }
                ),
                "/Visits?Filter.From=2024-01-01&Filter.To=2024-12-31"
            ),
            new(
                $"last page ({lastPage})",
                new ListVisits.Query(new ListVisits.Filter(), lastPage),
                $"/Visits?p={lastPage}"
            ),
            new(
                "region Africa",
                new ListVisits.Query(new ListVisits.Filter { Region = Region.Africa }),
                "/Visits?Filter.Region=Africa"
            ),
            new(
                "sorted by city",
                new ListVisits.Query(new ListVisits.Filter { Sort = VisitSort.City }),
                "/Visits?Filter.Sort=City"
            ),
        ];
    }

    internal sealed record Result(string Case, int RowsInDb, int? Matches, double[] Samples)
    {
        public double Percentile(double p) => Timing.Percentile(Samples, p);

        public double Mean => Samples.Average();
    }

    internal static string Table(IEnumerable<Result> results)
    {
        var lines = new List<string>
        {
            "| case | rows in DB | matches | p50 ms | p95 ms | p99 ms | mean ms | p95 < 100 ms |",
            "|---|---:|---:|---:|---:|---:|---:|:---:|",
        };
        lines.AddRange(
            results.Select(r =>
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {r.Case} | {r.RowsInDb:N0} "
                        + $"| {(r.Matches is { } m ? m.ToString("N0", CultureInfo.InvariantCulture) : "")} "
                        + $"| {r.Percentile(50):N1} | {r.Percentile(95):N1} | {r.Percentile(99):N1} | {r.Mean:N1} "
                        + $"| {(r.Percentile(95) < TargetMs ? "yes" : "**no**")} |"
                )
            )
        );
        return string.Join(Environment.NewLine, lines);
    }
}
