using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using WeGO.Portal.Bench.VisitsList;

namespace WeGO.Portal.Bench.Load;

/// <summary>`check`: the same pages measured by the project's own load client and by an independent one (autocannon,
/// from npm, in bench/client), one after the other against one portal process, so no figure in docs/performance.md
/// rests on the project's client alone. Both send the same headers (the forwarded https scheme, the bench
/// administrator's cookies for a staff page) with the same number of connections for the same time.</summary>
internal static class IndependentCheck
{
    internal sealed record Settings(
        string DataFolder,
        string Client,
        int Connections,
        TimeSpan Warmup,
        TimeSpan Duration,
        IReadOnlyList<string> Pages
    );

    private sealed record Figures(double RequestsPerSecond, double P50, double P99, long Errors);

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        var pages = settings
            .Pages.Select(name =>
                LoadPages.All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"No page named \"{name}\" in LoadPages.")
            )
            .ToList();
        if (pages.Any(p => p.Form is not null || p.Path.Contains('{', StringComparison.Ordinal)))
        {
            throw new ArgumentException("The check takes GET pages with a fixed address only.");
        }

        var folder = Path.GetFullPath(settings.DataFolder);
        await using var portal = await PortalProcess.StartAsync(
            folder,
            BenchPortal.AdminEmail,
            BenchPortal.AdminPassword
        );
        using var staff = new LoadClient(portal.Root, settings.Connections);
        await staff.SignInAsync(BenchPortal.AdminEmail, BenchPortal.AdminPassword);
        using var visitor = new LoadClient(portal.Root, settings.Connections);
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Independent check on {folder}: {settings.Connections} connections, "
                    + $"{settings.Duration.TotalSeconds:0} s "
                    + $"per page and client, {Environment.ProcessorCount} cores, load average {LoadAverage.Now()}"
            )
        );

        var rows = new StringBuilder();
        rows.AppendLine(
            "| page | own client req/s | own p50 ms | own p99 ms | autocannon req/s | autocannon p50 ms "
                + "| autocannon p99 ms | autocannon errors | autocannon / own |"
        );
        rows.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var page in pages)
        {
            var client = page.Public ? visitor : staff;
            string Next() => page.Path;
            _ = await client.RunAsync(Next, null, settings.Connections, TimeSpan.Zero, settings.Warmup, () =>
                portal.CpuTime
            );
            var own = await client.RunAsync(
                Next,
                null,
                settings.Connections,
                TimeSpan.FromSeconds(1),
                settings.Duration,
                () => portal.CpuTime
            );
            var other = await AutocannonAsync(
                settings,
                portal.Root,
                page.Path,
                page.Public ? null : staff.CookieHeader
            );
            rows.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {page.Name} | {own.RequestsPerSecond:N0} | {own.Percentile(50):N1} | {own.Percentile(99):N1} "
                    + $"| {other.RequestsPerSecond:N0} | {other.P50:N1} | {other.P99:N1} | {other.Errors:N0} "
                    + $"| {other.RequestsPerSecond / own.RequestsPerSecond:N2} |"
            );
            await output.WriteLineAsync(
                $"   {page.Name}: own {own.RequestsPerSecond:N0} req/s, autocannon "
                    + $"{other.RequestsPerSecond:N0} req/s"
            );
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(rows.ToString());
        await output.WriteLineAsync($"Load average at the end {LoadAverage.Now()}.");
        return 0;
    }

    private static async Task<Figures> AutocannonAsync(Settings settings, Uri root, string path, string? cookies)
    {
        var start = new ProcessStartInfo(settings.Client)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new[]
            {
                "--json",
                "--connections",
                settings.Connections.ToString(CultureInfo.InvariantCulture),
                "--duration",
                settings.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                "--headers",
                "X-Forwarded-Proto=https",
            }
        )
        {
            start.ArgumentList.Add(argument);
        }

        if (cookies is not null)
        {
            start.ArgumentList.Add("--headers");
            start.ArgumentList.Add("Cookie=" + cookies);
        }

        start.ArgumentList.Add(new Uri(root, path).ToString());
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{settings.Client} did not start");
        var json = await process.StandardOutput.ReadToEndAsync();
        _ = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{settings.Client} exited with {process.ExitCode}");
        }

        using var document = JsonDocument.Parse(json);
        var result = document.RootElement;
        var latency = result.GetProperty("latency");
        return new Figures(
            result.GetProperty("requests").GetProperty("average").GetDouble(),
            latency.GetProperty("p50").GetDouble(),
            latency.GetProperty("p99").GetDouble(),
            result.GetProperty("errors").GetInt64() + result.GetProperty("non2xx").GetInt64()
        );
    }
}
