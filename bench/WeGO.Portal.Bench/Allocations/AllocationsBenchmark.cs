using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using WeGO.Portal.Bench.Load;
using WeGO.Portal.Bench.VisitsList;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Bench.Allocations;

/// <summary>What each page costs that a busy machine does not blur: the bytes allocated and the SQL statements run per
/// request, one request at a time through the real portal in process (TestServer) on a generated database. CPU time
/// under load moves by a quarter between runs on a shared 2-core machine; these two counts repeat to within a few per
/// cent, so a change that saves 5% of a page's allocations shows here when <c>load</c> cannot see it. The health probe
/// is measured in the same run: its bytes are the pipeline's and the in-memory client's own, the floor under every
/// page.</summary>
internal static class AllocationsBenchmark
{
    /// <summary>The pages of <see cref="LoadPages.All"/> that a GET measures: the posts change the database.</summary>
    private static IEnumerable<LoadPage> Pages(IReadOnlyCollection<string>? only) =>
        LoadPages.All.Where(p =>
            p.Form is null && p.Path != "/css/site.css" && (only is null || only.Contains(p.Name))
        );

    public static async Task<int> RunAsync(
        string data,
        int requests,
        int warmup,
        IReadOnlyCollection<string>? only,
        int types,
        TextWriter output
    )
    {
        var folder = Path.GetFullPath(data);
        var database = Path.Combine(folder, "portal.db");
        if (!File.Exists(database))
        {
            await output.WriteLineAsync($"No portal.db in {folder}: run the generate command first.");
            return 2;
        }

        return await HostConsole.AsideAsync(folder, () =>
            RunOnAsync(folder, database, requests, warmup, only, types, output)
        );
    }

    private static async Task<int> RunOnAsync(
        string folder,
        string database,
        int requests,
        int warmup,
        IReadOnlyCollection<string>? only,
        int types,
        TextWriter output
    )
    {
        var visits = LoadBenchmark.CountVisits(database);
        var release = LoadBenchmark.NewestRelease(database);
        using var portal = new BenchPortal(
            folder,
            new Dictionary<string, string>
            {
                // Measures pages, not sign-in (as the load benchmark's portal does).
                ["Portal:SignIn:TwoFactor:RequiredForAdministrators"] = "false",
            }
        );
        var staff = Client(portal);
        await staff.SignInAsync(BenchPortal.AdminEmail, BenchPortal.AdminPassword);
        var visitor = Client(portal);
        using var statements = new StatementCounter();
        using var sampled = types > 0 ? new AllocatedTypes() : null;
        var typeLines = new StringBuilder();

        var rows = new List<Row>();
        foreach (var page in Pages(only))
        {
            var client = page.Public ? visitor : staff;
            var next = 0;
            string Path() =>
                page
                    .Path.Replace("{visit}", VisitId(next++, visits), StringComparison.Ordinal)
                    .Replace("{release}", release, StringComparison.Ordinal);
            for (var i = 0; i < warmup; i++)
            {
                await GetAsync(client, Path());
            }

            _ = sampled?.TakeTop(0);
            rows.Add(await MeasureAsync(page.Name, requests, () => GetAsync(client, Path()), statements));
            if (sampled is not null)
            {
                var top = sampled
                    .TakeTop(types)
                    .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Type} {t.Share:P0}"));
                typeLines.AppendLine(CultureInfo.InvariantCulture, $"- {page.Name}: {string.Join(", ", top)}");
            }
        }

        await output.WriteLineAsync(Table(folder, visits, requests, rows));
        if (sampled is not null)
        {
            await output.WriteLineAsync("Types allocated (the runtime's samples, share of each page's bytes):");
            await output.WriteLineAsync(typeLines.ToString());
        }
        return 0;
    }

    private sealed record Row(string Page, double BytesPerRequest, double StatementsPerRequest, double CpuMsPerRequest);

    /// <summary>Runs <paramref name="requests"/> requests in batches of ten and keeps the batches' median, so a batch
    /// in which the outbox's poller or a timer allocated too is left out.</summary>
    private static async Task<Row> MeasureAsync(
        string name,
        int requests,
        Func<Task> request,
        StatementCounter statements
    )
    {
        const int batch = 10;
        var bytes = new List<double>();
        var sql = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var done = 0; done < requests; done += batch)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var statementsBefore = statements.Count;
            for (var i = 0; i < batch; i++)
            {
                await request();
            }

            bytes.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)batch);
            sql.Add((statements.Count - statementsBefore) / (double)batch);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / batch);
        }

        return new Row(name, Median(bytes), Median(sql), Median(cpu));
    }

    private static double Median(List<double> values) => Timing.Percentile(values, 50);

    private static string VisitId(int request, int visits) =>
        // The same spread of visits in every run: a fixed stride through all of them.
        ((int)((request * 7_919L) % visits) + 1).ToString(CultureInfo.InvariantCulture);

    private static PortalClient Client(BenchPortal portal) =>
        new(
            portal.CreateClient(
                new WebApplicationFactoryClientOptions
                {
                    AllowAutoRedirect = false,
                    HandleCookies = true,
                    BaseAddress = new Uri("https://portal.test"),
                }
            )
        );

    /// <summary>Reads the answer as it streams in, into nothing: the in-memory client would otherwise buffer every page
    /// in a growing array of its own, which would be counted as the page's.</summary>
    private static async Task GetAsync(PortalClient client, string path)
    {
        using var response = await client.Http.GetAsync(
            new Uri(path, UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead
        );
        await using (var body = await response.Content.ReadAsStreamAsync())
        {
            await body.CopyToAsync(Stream.Null);
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        }
    }

    private static string Table(string folder, int visits, int requests, IReadOnlyList<Row> rows)
    {
        var floor = rows.FirstOrDefault(r => r.Page == LoadPages.HealthProbe)?.BytesPerRequest ?? 0;
        var table = new StringBuilder();
        table.AppendLine(
            CultureInfo.InvariantCulture,
            $"""

            Allocations per request on {folder} ({visits:N0} visits), {requests} requests a page one at a time, in
            process (TestServer, Production); median of batches of ten. "Above the floor" subtracts the health
            probe's bytes (the pipeline and the in-memory client). CPU is the whole process's, for orientation only.
            {Environment.ProcessorCount} cores, load average {LoadAverage.Now()}

            | page | KiB/request | above the floor | SQL statements | CPU ms/request |
            |---|---:|---:|---:|---:|
            """
        );
        foreach (var row in rows)
        {
            table.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {row.Page} | {row.BytesPerRequest / 1024:N1} | {(row.BytesPerRequest - floor) / 1024:N1} | "
                    + $"{row.StatementsPerRequest:0.#} | {row.CpuMsPerRequest:N2} |"
            );
        }

        return table.ToString();
    }
}
