using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Bench.VisitsList;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Bench.Sessions;

/// <summary>What checking the session on every request costs (issue 23): the cheapest signed-in request the portal
/// answers, GET /Account/SignOut (cookie read and checked, authorization, a redirect; no page, no SQL of its own),
/// beside the same pipeline with no authentication (GET /health/live), then the session check alone
/// (<see cref="OpenSessions.IsOpenAsync"/>). One request at a time, in process.</summary>
internal static class SessionCheckBenchmark
{
    private const string StaffEmail = "bench-sessions@wego-portal.local";
    private const string StaffPassword = "Bench-Sessions-Password-2024";

    public static async Task<int> RunAsync(string data, int iterations, int warmup, TextWriter output)
    {
        var folder = Path.GetFullPath(data);
        Directory.CreateDirectory(folder);
        var console = Console.Out;
        await using var hostConsole = new StreamWriter(Path.Combine(folder, "bench-host-console.log"), append: false);
        Console.SetOut(hostConsole);
        try
        {
            using var portal = new BenchPortal(folder);
            _ = portal.Server;
            await portal.EnsureUserAsync(StaffEmail, StaffPassword, "Benchmark sessions", Roles.SecretariatStaff);
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

            await output.WriteLineAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"""

                    Session check on {folder}
                      {Environment.ProcessorCount} cores, load average {LoadAverage.Now()} at start;
                      {iterations} timed requests per case after {warmup} warm-up, one at a time

                    | case | p50 µs | p95 µs | p99 µs | mean µs |
                    |---|---:|---:|---:|---:|
                    """
                )
            );
            await RowAsync(
                output,
                "GET /health/live (no authentication)",
                await Timing.TimeAsync(iterations, warmup, () => ExpectAsync(client, "/health/live", HttpStatusCode.OK))
            );
            await RowAsync(
                output,
                "GET /Account/SignOut signed in (cookie checked, 302)",
                await Timing.TimeAsync(iterations, warmup, () =>
                    ExpectAsync(client, "/Account/SignOut", HttpStatusCode.Redirect)
                )
            );
            await TimeTheCheckAloneAsync(portal, iterations, warmup, output);
            await output.WriteLineAsync(
                string.Create(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage.Now()}")
            );
            return 0;
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    /// <summary><see cref="OpenSessions.IsOpenAsync"/> on its own, for the benchmark's own session: answered from
    /// memory (what nearly every request costs), and with the memory forgotten before each call (one query: the first
    /// request after a change, or after the recheck interval).</summary>
    private static async Task TimeTheCheckAloneAsync(BenchPortal portal, int iterations, int warmup, TextWriter output)
    {
        var sessions = portal.Services.GetRequiredService<OpenSessions>();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db
            .StaffSessions.Where(s => s.EndedAtUtc == null)
            .OrderByDescending(s => s.StartedAtUtc)
            .FirstAsync();
        PortalDbContext Db() => db;

        const int calls = 200_000;
        for (var i = 0; i < calls / 10; i++)
        {
            await sessions.IsOpenAsync(session.Id, Db, CancellationToken.None);
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            if (!await sessions.IsOpenAsync(session.Id, Db, CancellationToken.None))
            {
                throw new InvalidOperationException("The benchmark's session was refused.");
            }
        }

        var perCall = Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1000 / calls;
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"| the check alone, answered from memory (mean of {calls:N0} calls) | | | | {perCall:N2} |"
            )
        );
        await RowAsync(
            output,
            "the check alone, memory forgotten before each call (one query)",
            await Timing.TimeAsync(iterations, warmup, async () =>
            {
                sessions.Forget(session.UserId);
                await sessions.IsOpenAsync(session.Id, Db, CancellationToken.None);
            })
        );
    }

    private static async Task ExpectAsync(PortalClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(path);
        if (
            response.StatusCode != expected
            || response.Headers.Location?.OriginalString.Contains("SignIn", StringComparison.Ordinal) == true
        )
        {
            throw new InvalidOperationException(
                $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}"
            );
        }
    }

    private static Task RowAsync(TextWriter output, string name, double[] milliseconds) =>
        output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {Timing.Percentile(milliseconds, 50) * 1000:N0} "
                    + $"| {Timing.Percentile(milliseconds, 95) * 1000:N0} "
                    + $"| {Timing.Percentile(milliseconds, 99) * 1000:N0} | {milliseconds.Average() * 1000:N0} |"
            )
        );
}
