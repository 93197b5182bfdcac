using System.Diagnostics;
using System.Globalization;
using System.Net;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Bench.VisitsList;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Bench.Dashboard;

/// <summary>Times the directors' dashboard through the real portal on a generated database: <see cref="GetDashboard"/>
/// through the mediator pipeline, and the /Dashboard page over HTTP as a signed-in program director. Same portal, same
/// way of timing as the visits-list benchmark.</summary>
internal static class DashboardBenchmark
{
    public const double TargetMs = 200;
    private const string DirectorEmail = "bench-director@wego-portal.local";
    private const string DirectorPassword = "Bench-Director-Password-2024";

    internal sealed record Case(string Name, GetDashboard.Query Query, string Path);

    /// <summary>The default period (last 12 full months and this one), the presets, and the longest period allowed (ten
    /// years).</summary>
    internal static IReadOnlyList<Case> Cases(DateOnly today) =>
        [
            new("default: last 12 months and this one", new GetDashboard.Query(), "/Dashboard"),
            new(
                "this year",
                new GetDashboard.Query { Preset = DashboardPreset.ThisYear },
                "/Dashboard?Preset=ThisYear"
            ),
            new(
                "last year",
                new GetDashboard.Query { Preset = DashboardPreset.LastYear },
                "/Dashboard?Preset=LastYear"
            ),
            new(
                "ten years",
                new GetDashboard.Query
                {
                    From = new DateOnly(today.Year - 9, 1, 1),
                    To = new DateOnly(today.Year, 12, 31),
                },
                $"/Dashboard?From={today.Year - 9}-01-01&To={today.Year}-12-31"
            ),
        ];

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
        await portal.EnsureUserAsync(DirectorEmail, DirectorPassword, "Benchmark director", Roles.ProgramDirector);

        var (visits, inquiries) = await portal.WithDbAsync(async db =>
            (await db.Visits.CountAsync(), await db.MembershipInquiries.CountAsync())
        );
        var clock = portal.Services.GetRequiredService<TimeProvider>();
        var cases = Cases(Application.Common.SecretariatCalendar.Today(clock));
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"""

                Dashboard on {folder}
                  {visits:N0} visits, {inquiries:N0} inquiries; portal started in {startup.Elapsed.TotalSeconds:N1} s
                  ({BenchPortal.Environment}, in-memory TestServer, {BenchPortal.GarbageCollector} GC)
                  {Environment.ProcessorCount} cores, load average {LoadAverage.Now()} at start;
                  {iterations} timed requests per case after {warmup} warm-up, one at a time
                """
            )
        );

        var results = new List<Result>();
        foreach (var @case in cases)
        {
            var shown = "";
            var samples = await Timing.TimeAsync(iterations, warmup, async () =>
            {
                var result = await portal.SendAsAsync(Roles.ProgramDirector, mediator => mediator.Send(@case.Query));
                shown = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{result.From:yyyy-MM-dd}..{result.To:yyyy-MM-dd}: {result.VisitsInPeriod:N0} visits, "
                        + $"{result.InquiriesInPeriod:N0} inquiries, "
                        + $"funnel {result.Funnel.Visited}/{result.Funnel.Inquired}/{result.Funnel.BecameMembers}"
                );
            });
            results.Add(new Result("mediator (cached): " + @case.Name, shown, samples));
        }

        // What a request pays when the figures are not kept (after a write, or a new day): the handler's statements.
        var uncached = Uncached.Of(portal.Services);
        foreach (var @case in cases)
        {
            var samples = await Timing.TimeAsync(iterations, warmup, () =>
                portal.WithDbAsync(db =>
                    new GetDashboard.Handler(db, new SystemActor(), clock, uncached)
                        .Handle(@case.Query, CancellationToken.None)
                        .AsTask()
                )
            );
            results.Add(new Result("handler, not cached: " + @case.Name, "", samples));
        }

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
        await client.SignInAsync(DirectorEmail, DirectorPassword);
        foreach (var @case in cases)
        {
            var bytes = 0;
            var samples = await Timing.TimeAsync(iterations, warmup, async () =>
            {
                using var response = await client.GetAsync(@case.Path);
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException(
                        $"GET {@case.Path} answered {(int)response.StatusCode} {response.Headers.Location}"
                    );
                }
            });
            results.Add(
                new Result(
                    $"GET {@case.Path} ({@case.Name})",
                    string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N0} KiB of HTML"),
                    samples
                )
            );
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        await output.WriteLineAsync();
        await output.WriteLineAsync(Table(results));
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Load average at the end: {LoadAverage.Now()}. "
                    + $"Peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB (the whole process)"
            )
        );

        var plans = Path.Combine(folder, "dashboard-query-plans.txt");
        await QueryPlans.WriteAsync(
            Path.Combine(folder, "portal.db"),
            cases.Select(c =>
                (
                    c.Name,
                    (Func<PortalDbContext, Task>)(
                        db =>
                            new GetDashboard.Handler(db, new SystemActor(), clock, Uncached.Of(portal.Services))
                                .Handle(c.Query, CancellationToken.None)
                                .AsTask()
                    )
                )
            ),
            plans
        );
        await output.WriteLineAsync($"SQL and EXPLAIN QUERY PLAN of each case: {plans}");
        return 0;
    }

    internal sealed record Result(string Case, string Shown, double[] Samples)
    {
        public double Percentile(double p) => Timing.Percentile(Samples, p);

        public double Mean => Samples.Average();
    }

    internal static string Table(IEnumerable<Result> results)
    {
        var lines = new List<string>
        {
            "| case | shows | p50 ms | p95 ms | p99 ms | mean ms | p95 < 200 ms |",
            "|---|---|---:|---:|---:|---:|:---:|",
        };
        lines.AddRange(
            results.Select(r =>
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {r.Case} | {r.Shown} | {r.Percentile(50):N1} | {r.Percentile(95):N1} | {r.Percentile(99):N1} "
                        + $"| {r.Mean:N1} | {(r.Percentile(95) < TargetMs ? "yes" : "**no**")} |"
                )
            )
        );
        return string.Join(Environment.NewLine, lines);
    }
}
