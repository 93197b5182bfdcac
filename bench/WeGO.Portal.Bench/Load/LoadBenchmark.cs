using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using WeGO.Portal.Bench.VisitsList;

namespace WeGO.Portal.Bench.Load;

/// <summary>`load`: for each generated data folder, starts the portal as its own process on a copy of it
/// (<see cref="PortalProcess"/>: what a run stores is gone after it), signs in as the bench
/// administrator (public pages as an anonymous visitor), puts each page of <see cref="LoadPages"/> (and its baseline)
/// under closed-loop load, samples the portal's peak memory, and prints one table with the targets checked.</summary>
internal static class LoadBenchmark
{
    public const double TargetP99Ms = 100;
    public const double TargetOverheadPercent = 10;
    public const double TargetScaleRatio = 1.5;
    public const long TargetPeakMemoryBytes = 250_000_000;

    internal sealed record Settings(
        IReadOnlyList<string> DataFolders,
        int Connections,
        TimeSpan Warmup,
        TimeSpan Duration,
        IReadOnlyList<string>? Pages
    )
    {
        /// <summary>How many times a page and its baseline take turns within the timed window (A B B A ...), each
        /// for its share of <see cref="Duration"/>: a machine that slows down or speeds up during the window then
        /// weighs on both alike, and one run gives an overhead a single pair of windows could not.</summary>
        public int Rounds { get; init; } = 1;
    }

    private sealed record Measured(LoadPage Page, int Rows, LoadResult Result, LoadResult? Baseline);

    private sealed record Run(
        string Folder,
        int Rows,
        IReadOnlyList<Measured> Pages,
        long PeakMemoryBytes,
        double StartupSeconds,
        string LoadAverage
    )
    {
        public long AnonymousMemoryBytes { get; init; }

        public long FileMemoryBytes { get; init; }

        public int MostDatabaseHandles { get; init; }
    }

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        var pages = settings.Pages is null
            ? LoadPages.All
            : [.. LoadPages.All.Where(p => settings.Pages.Contains(p.Name, StringComparer.OrdinalIgnoreCase))];
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Load: {settings.Connections} connections, closed loop, {settings.Warmup.TotalSeconds:0} s warm-up "
                    + $"+ {settings.Duration.TotalSeconds:0} s timed per page; "
                    + $"{Environment.ProcessorCount} cores, load average {LoadAverage.Now()}"
            )
        );
        var runs = new List<Run>();
        foreach (var data in settings.DataFolders)
        {
            runs.Add(await RunOnAsync(Path.GetFullPath(data), pages, settings, output));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(Table(runs, settings.Connections));
        return 0;
    }

    private static async Task<Run> RunOnAsync(
        string folder,
        IReadOnlyList<LoadPage> pages,
        Settings settings,
        TextWriter output
    )
    {
        var database = Path.Combine(folder, "portal.db");
        if (!File.Exists(database))
        {
            throw new ArgumentException($"No portal.db in {folder}: run the generate command first.");
        }

        var visits = CountVisits(database);
        var release = NewestRelease(database);
        var startup = System.Diagnostics.Stopwatch.StartNew();
        await using var portal = await PortalProcess.StartAsync(
            folder,
            BenchPortal.AdminEmail,
            BenchPortal.AdminPassword
        );
        startup.Stop();
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"== {visits:N0} visits ({folder}): portal pid {portal.Id} (published, {portal.Collector}) "
                    + $"on {portal.Root} ready in {startup.Elapsed.TotalSeconds:N1} s, "
                    + $"{portal.MemoryBytes / 1048576.0:N0} MiB"
            )
        );

        using var staff = new LoadClient(portal.Root, settings.Connections);
        await staff.SignInAsync(BenchPortal.AdminEmail, BenchPortal.AdminPassword);
        using var visitor = new LoadClient(portal.Root, settings.Connections);
        LoadClient ClientFor(LoadPage page) => page.Public ? visitor : staff;
        // Warm every page first (JIT tiering, EF's query cache, SQLite's page cache), so the page measured first is not
        // the one that pays for what all pages share; each timed run then has a short pre-roll of its own.
        static IEnumerable<string> PathsOf(LoadPage page) =>
            page.Baseline is { } baseline ? [page.Path, baseline] : [page.Path];
        async Task WarmAsync(LoadPage page)
        {
            foreach (var path in PathsOf(page))
            {
                var (next, form) = await PrepareAsync(ClientFor(page), page, path, visits, release, output);
                _ = await ClientFor(page)
                    .RunAsync(next, form, settings.Connections, TimeSpan.Zero, settings.Warmup, () => portal.CpuTime);
            }
        }

        foreach (var page in pages.Where(p => !p.Stores))
        {
            await WarmAsync(page);
        }

        await output.WriteLineAsync($"   after the warm-up: {portal.MemoryNow()}");

        var measured = new List<Measured>();
        var handles = 0;
        foreach (var page in pages)
        {
            if (page.Stores)
            {
                await WarmAsync(page);
            }

            if (page.Baseline is not { } path)
            {
                var alone = await LoadAsync(
                    ClientFor(page),
                    portal,
                    page,
                    page.Path,
                    visits,
                    release,
                    settings,
                    output
                );
                handles = Math.Max(handles, portal.OpenDatabaseFiles());
                measured.Add(new Measured(page, visits, alone, null));
                continue;
            }

            // The page and its baseline in turns: A B, then B A, and so on.
            var rounds = Math.Max(1, settings.Rounds);
            var share = settings with { Duration = settings.Duration / rounds };
            var pageRounds = new List<LoadResult>();
            var baselineRounds = new List<LoadResult>();
            for (var round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? new[] { page.Path, path } : [path, page.Path];
                foreach (var which in order)
                {
                    var result = await LoadAsync(ClientFor(page), portal, page, which, visits, release, share, output);
                    (which == page.Path ? pageRounds : baselineRounds).Add(result);
                    handles = Math.Max(handles, portal.OpenDatabaseFiles());
                }
            }

            var together = LoadResult.Together(pageRounds);
            var baselineTogether = LoadResult.Together(baselineRounds);
            if (rounds > 1)
            {
                var byRound = pageRounds.Zip(baselineRounds, (a, b) =>
                    Overhead(a, b).ToString("N1", CultureInfo.InvariantCulture)
                );
                await output.WriteLineAsync(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"   {page.Name}, {rounds} rounds together: {together.RequestsPerSecond:N0} req/s against "
                            + $"{baselineTogether.RequestsPerSecond:N0}, "
                            + $"overhead {Overhead(together, baselineTogether):N1}% "
                            + $"(by round: {string.Join(", ", byRound)})"
                    )
                );
            }

            measured.Add(new Measured(page, visits, together, baselineTogether));
        }

        return new Run(
            folder,
            visits,
            measured,
            portal.PeakMemoryBytes,
            startup.Elapsed.TotalSeconds,
            LoadAverage.Now()
        )
        {
            AnonymousMemoryBytes = portal.AnonymousMemoryBytes,
            FileMemoryBytes = portal.FileMemoryBytes,
            MostDatabaseHandles = handles,
        };
    }

    private static readonly TimeSpan PreRoll = TimeSpan.FromSeconds(1);

    private static async Task<LoadResult> LoadAsync(
        LoadClient client,
        PortalProcess portal,
        LoadPage page,
        string path,
        int visits,
        string release,
        Settings settings,
        TextWriter output
    )
    {
        var (next, form) = await PrepareAsync(client, page, path, visits, release, null);
        var result = await client.RunAsync(next, form, settings.Connections, PreRoll, settings.Duration, () =>
            portal.CpuTime
        );
        await output.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"   {(form is null ? "GET" : "POST")} {path, -32} {result.RequestsPerSecond, 8:N0} req/s  "
                    + $"p50 {result.Percentile(50), 6:N1}  p95 {result.Percentile(95), 6:N1}  "
                    + $"p99 {result.Percentile(99), 6:N1} ms  errors {result.ErrorCount}  "
                    + $"portal CPU {result.CpuMsPerRequest:N2} ms/req  {result.AverageBytes / 1024:N1} KiB/answer  "
                    + $"load {result.LoadBefore} -> {result.LoadAfter}  {portal.MemoryNow()}"
            )
        );
        return result;
    }

    /// <summary>The request maker for a page: a random visit for <c>{visit}</c>; for a form, its token fetched once.
    /// One request goes first, so a page that is missing or broken says so plainly instead of only filling the table
    /// with errors.</summary>
    private static async Task<(Func<string> Next, byte[]? Form)> PrepareAsync(
        LoadClient client,
        LoadPage page,
        string path,
        int visits,
        string release,
        TextWriter? output
    )
    {
        string Next() =>
            path.Replace(
                    "{visit}",
                    Random.Shared.Next(1, visits + 1).ToString(CultureInfo.InvariantCulture),
                    StringComparison.Ordinal
                )
                .Replace("{release}", release, StringComparison.Ordinal);
        if (page.Form is { } post)
        {
            var token = await client.FormTokenAsync(post.FormPath);
            var body = LoadClient.FormBody([.. post.Fields, new("__RequestVerificationToken", token)]);
            // A check post that fails or times out is reported and the run goes on: the timed loop counts such
            // answers as errors, and one slow answer must not end the whole benchmark.
            string? unexpected = null;
            try
            {
                var answer = (int)await client.PostAsync(Next(), body);
                if (answer is < 300 or >= 400)
                {
                    unexpected = answer.ToString(CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                unexpected = e.GetType().Name;
            }

            if (unexpected is not null && output is not null)
            {
                await output.WriteLineAsync(
                    $"   POST {path} answered {unexpected} before the run, not a redirect: its errors below are real."
                );
            }

            return (Next, body);
        }

        var (status, _) = await client.GetAsync(Next());
        if (status != HttpStatusCode.OK && output is not null)
        {
            await output.WriteLineAsync(
                $"   GET {path} answered {(int)status} before the run: its errors below are real."
            );
        }

        return (Next, null);
    }

    /// <summary>The newest English release's address part ("none" when the data has none: its page then answers 404
    /// and the table shows the errors).</summary>
    internal static string NewestRelease(string database)
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = database,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT Slug FROM NewsReleases WHERE Language = 'en' AND PublishedAtUtc IS NOT NULL "
            + "ORDER BY PublishedAtUtc DESC LIMIT 1";
        return command.ExecuteScalar() as string ?? "none";
    }

    internal static int CountVisits(string database)
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = database,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Visits";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>How much slower a page is than its baseline, in per cent of the baseline's requests per second.
    /// </summary>
    private static double Overhead(LoadResult page, LoadResult baseline) =>
        (baseline.RequestsPerSecond - page.RequestsPerSecond) / baseline.RequestsPerSecond * 100;

    private static string Table(IReadOnlyList<Run> runs, int connections)
    {
        static string Ms(double ms) => ms.ToString("N1", CultureInfo.InvariantCulture);
        static string Mark(bool pass) => pass ? "pass" : "**MISS**";
        var smallest = runs.MinBy(r => r.Rows);
        var table = new StringBuilder();
        table.AppendLine(
            "| page | rows | req/s | % of floor | p50 ms | p95 ms | p99 ms | errors "
                + "| baseline req/s | baseline p99 ms | overhead % | p99(large)/p99(small) | targets |"
        );
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            var floor = run.Pages.FirstOrDefault(p => p.Page.Name == LoadPages.HealthProbe)?.Result.RequestsPerSecond;
            foreach (var m in run.Pages)
            {
                var r = m.Result;
                var share = floor is > 0
                    ? (r.RequestsPerSecond / floor.Value * 100).ToString("N1", CultureInfo.InvariantCulture)
                    : "–";
                var checks = new List<string>();
                if (!m.Page.Public)
                {
                    checks.Add($"p99 < {TargetP99Ms:0} ms {Mark(r.Percentile(99) < TargetP99Ms)}");
                }

                if (m.Page.TargetRps is { } target)
                {
                    checks.Add($"≥ {target:N0} req/s {Mark(r.RequestsPerSecond >= target)}");
                }

                if (r.ErrorCount > 0)
                {
                    checks.Add($"errors **MISS** ({string.Join(", ", r.Errors.Select(e => $"{e.Key}×{e.Value}"))})");
                }

                var overhead = "";
                if (m.Baseline is { } b)
                {
                    var percent = Overhead(r, b);
                    overhead = percent.ToString("N1", CultureInfo.InvariantCulture);
                    checks.Add($"overhead < {TargetOverheadPercent:0}% {Mark(percent < TargetOverheadPercent)}");
                }

                var ratio = "";
                if (
                    !m.Page.Floor
                    && smallest is not null
                    && run != smallest
                    && smallest.Pages.FirstOrDefault(s => s.Page == m.Page) is { } small
                )
                {
                    var value = r.Percentile(99) / small.Result.Percentile(99);
                    ratio = value.ToString("N2", CultureInfo.InvariantCulture);
                    checks.Add($"≤ {TargetScaleRatio:0.0}× of {smallest.Rows:N0} {Mark(value <= TargetScaleRatio)}");
                }

                var baselineRps = m.Baseline?.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture) ?? "–";
                var baselineP99 = m.Baseline is { } bp ? Ms(bp.Percentile(99)) : "–";
                table.AppendLine(
                    CultureInfo.InvariantCulture,
                    $"| {m.Page.Name} | {run.Rows:N0} | {r.RequestsPerSecond:N0} | {share} | {Ms(r.Percentile(50))} "
                        + $"| {Ms(r.Percentile(95))} | {Ms(r.Percentile(99))} | {r.ErrorCount:N0} "
                        + $"| {baselineRps} | {baselineP99} | {(overhead.Length > 0 ? overhead : "–")} "
                        + $"| {(ratio.Length > 0 ? ratio : "–")} "
                        + $"| {(checks.Count > 0 ? string.Join("; ", checks) : "–")} |"
                );
            }
        }

        table.AppendLine();
        foreach (var run in runs)
        {
            table.AppendLine(
                CultureInfo.InvariantCulture,
                $"Peak memory of the portal process (VmHWM), {run.Rows:N0} visits: {run.PeakMemoryBytes / 1e6:N0} MB "
                    + $"({run.PeakMemoryBytes / 1048576.0:N0} MiB); target < {TargetPeakMemoryBytes / 1e6:N0} MB: "
                    + $"{Mark(run.PeakMemoryBytes < TargetPeakMemoryBytes)}. "
                    + $"At the end: {run.AnonymousMemoryBytes / 1e6:N0} MB its own (GC heaps, native), "
                    + $"{run.FileMemoryBytes / 1e6:N0} MB mapped files; "
                    + $"at most {run.MostDatabaseHandles} handles on the database. "
                    + $"Started in {run.StartupSeconds:N1} s; load average at the end {run.LoadAverage}."
            );
        }

        table.AppendLine(
            CultureInfo.InvariantCulture,
            $"{connections} connections; targets apply to every size (p99 to staff pages), "
                + $"% of floor = req/s against the health probe's in the same run, "
                + $"overhead = (baseline req/s - page req/s) / baseline req/s."
        );
        var missing = runs.SelectMany(r => r.Pages)
            .Where(m => m.Page.Baseline is null && !m.Page.Floor)
            .Select(m => m.Page.Name)
            .Distinct()
            .ToList();
        if (missing.Count > 0)
        {
            table.AppendLine("Pages without a baseline yet: " + string.Join(", ", missing) + ".");
        }

        return table.ToString();
    }
}
