using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace WeGO.Portal.Bench.Load;

/// <summary>The portal under test in a process of its own: WeGO.Portal.Web as it is deployed, published with ReadyToRun
/// (same configuration as this benchmark, Release under bench/run), on a free loopback port, in the Production
/// environment, on a copy of a generated data folder (<see cref="WorkingCopy"/>: what a run stores is gone when the
/// portal stops), with demo seeding off and the baseline pages on. Its console ends in portal-console.log in the
/// generated folder.</summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter console;
    private readonly WorkingCopy data;

    private PortalProcess(Process process, StreamWriter console, WorkingCopy data, Uri root)
    {
        this.process = process;
        this.console = console;
        this.data = data;
        Root = root;
    }

    public Uri Root { get; }

    public int Id => process.Id;

    /// <summary>The garbage collector the portal runs: its runtimeconfig.json's, unless DOTNET_gcServer says
    /// otherwise.</summary>
    public string Collector { get; private init; } = "";

    /// <summary>The folder bench/run publishes the portal with its baseline pages into, as docs/operations.md publishes
    /// the portal (ReadyToRun): <c>dotnet publish bench/WeGO.Portal.Baseline -c Release -o
    /// bench/WeGO.Portal.Baseline/bin/Release/published</c>.</summary>
    private static string PublishedFolder =>
        Path.Combine(BaselineProjectFolder(), "bin", BuildConfiguration(), "published");

    public static async Task<PortalProcess> StartAsync(string dataFolder, string adminEmail, string adminPassword)
    {
        // The portal with the baseline pages (bench/WeGO.Portal.Baseline), published: its settings and static files
        // are the published ones, as in a deployment.
        var output = PublishedFolder;
        var apphost = Path.Combine(output, "WeGO.Portal.Baseline");
        var dll = Path.Combine(output, "WeGO.Portal.Baseline.dll");
        var built = Path.Combine(
            BaselineProjectFolder(),
            "bin",
            BuildConfiguration(),
            "net" + Environment.Version.ToString(2),
            "WeGO.Portal.Web.dll"
        );
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"No published portal at {output}: publish it first, as bench/run does ({PublishCommand})."
            );
        }

        // A build after the last publish means the published portal is not the code being measured.
        if (
            File.Exists(built)
            && File.GetLastWriteTimeUtc(built) > File.GetLastWriteTimeUtc(Path.Combine(output, "WeGO.Portal.Web.dll"))
        )
        {
            throw new InvalidOperationException(
                $"The published portal at {output} is older than the last build: publish it again ({PublishCommand})."
            );
        }

        var serverGc = Environment.GetEnvironmentVariable("DOTNET_gcServer") is { Length: > 0 } forced
            ? forced == "1"
            : File.ReadAllText(Path.Combine(output, "WeGO.Portal.Baseline.runtimeconfig.json"))
                .Contains("\"System.GC.Server\": true", StringComparison.Ordinal);
        var port = FreePort();
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { dll } };
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(output);
        start.WorkingDirectory = output;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Production behind a TLS-terminating proxy (docs/operations.md): the client sends X-Forwarded-Proto: https, so
        // HTTPS redirection, HSTS and Secure cookies behave as deployed, over plain loopback http.
        environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
        var data = WorkingCopy.Of(dataFolder);
        environment["Portal__DataDirectory"] = data.Folder;
        environment["Portal__Admin__Email"] = adminEmail;
        environment["Portal__Admin__Password"] = adminPassword;
        environment["Portal__SeedDemo"] = "false";
        // The load benchmark measures pages, not sign-in: its administrator signs in with the password alone, where the
        // portal would otherwise send them to enrol an authenticator first (the tests keep the requirement on).
        environment["Portal__SignIn__TwoFactor__RequiredForAdministrators"] = "false";
        // The public form's rate limit (5 posts per client network per 10 minutes) must not turn the benchmark's posts
        // into 429s.
        environment["Portal__Inquiries__RateLimit__PermitLimit"] = "100000000";

        var log = new StreamWriter(Path.Combine(data.Folder, WorkingCopy.ConsoleLog), append: false)
        {
            AutoFlush = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal");
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    log.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var portal = new PortalProcess(process, log, data, new Uri($"http://127.0.0.1:{port}/"))
        {
            Collector = serverGc ? "server GC" : "workstation GC",
        };
        try
        {
            await portal.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            // Stopped, its log closed and moved to the generated folder, its copy deleted.
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>Peak resident memory of the portal process since it started (VmHWM), in bytes.</summary>
    public long PeakMemoryBytes => Status("VmHWM");

    public long MemoryBytes => Status("VmRSS");

    /// <summary>Resident memory now that is the process's own (GC heaps, native allocations such as SQLite's page
    /// caches).</summary>
    public long AnonymousMemoryBytes => Status("RssAnon");

    /// <summary>Resident memory now that maps files (the runtime's and the app's assemblies, native
    /// libraries).</summary>
    public long FileMemoryBytes => Status("RssFile");

    /// <summary>The process's memory now, for a line of the load's output: resident (its own, mapped files, and shared
    /// memory, which is where the runtime keeps generated code when it maps it twice, W^X) and the peak so far, so a
    /// run shows which page drives the peak.</summary>
    public string MemoryNow() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"RSS {MemoryBytes / 1e6:N0} MB (own {AnonymousMemoryBytes / 1e6:N0}, files {FileMemoryBytes / 1e6:N0}, "
                + $"shared {Status("RssShmem") / 1e6:N0}), peak {PeakMemoryBytes / 1e6:N0} MB"
        );

    /// <summary>How many open handles the process holds on its database file: with Microsoft.Data.Sqlite's pool, about
    /// one per connection, each with its own page cache.</summary>
    public int OpenDatabaseFiles()
    {
        var database = data.Database;
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{process.Id}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget == database)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we looked.
            }
        }

        return count;
    }

    /// <summary>CPU time the portal process has used (user + system), from /proc/&lt;pid&gt;/stat: per request, a
    /// figure the other jobs on a shared machine disturb much less than latency.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks =
                long.Parse(fields[11], CultureInfo.InvariantCulture)
                + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
        }
    }

    /// <summary>USER_HZ: 100 on Linux on every architecture .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    private long Status(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Root, Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The portal stopped at start-up (exit code {process.ExitCode}); "
                        + "see portal-console.log in the generated data folder."
                );
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
                request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(
            "The portal did not become ready in time; see portal-console.log in the generated data folder."
        );
    }

    /// <summary>Stops the portal the way a service manager does (SIGTERM, then a kill after 15 s).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (
                var term = Process.Start(
                    new ProcessStartInfo("kill", ["-s", "TERM", process.Id.ToString(CultureInfo.InvariantCulture)])
                    {
                        UseShellExecute = false,
                    }
                )
            )
            {
                await term!.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        await console.DisposeAsync();
        data.Dispose();
    }

    /// <summary>Debug or Release: the portal is taken from the same configuration this benchmark was built
    /// in.</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string PublishCommand =>
        $"dotnet publish bench/WeGO.Portal.Baseline -c {BuildConfiguration()} -o {PublishedFolder}";

    /// <summary>bench/WeGO.Portal.Baseline, beside the web project's folder, which the manifest Mvc.Testing writes next
    /// to this program names.</summary>
    private static string BaselineProjectFolder()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var web = json.RootElement.GetProperty(typeof(Program).Assembly.FullName!).GetString()!;
        return Path.GetFullPath(Path.Combine(web, "..", "..", "bench", "WeGO.Portal.Baseline"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
