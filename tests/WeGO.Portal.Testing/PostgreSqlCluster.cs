using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace WeGO.Portal.Testing;

/// <summary>A throwaway PostgreSQL cluster for this test process, from Debian's binaries
/// (<c>/usr/lib/postgresql/*/bin</c>): started on first use in a temporary folder on a free loopback port, without
/// fsync, and stopped and deleted when the process exits. Each portal that asks for PostgreSQL gets a fresh database
/// of its own (<see cref="CreateDatabase"/>). As root (CI) the server runs as the <c>postgres</c> user, since
/// PostgreSQL refuses to run as root.</summary>
public static class PostgreSqlCluster
{
    public const string InstallHint = "install it with `sudo apt-get install -y postgresql`";

    private static readonly Lazy<Running> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder of the newest PostgreSQL's initdb and pg_ctl, or null when none is installed.</summary>
    public static string? BinDirectory { get; } = FindBinDirectory();

    public static bool RunningInCi =>
        string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new, empty database on the cluster (started now if it is not yet); its connection string.</summary>
    public static string CreateDatabase()
    {
        var cluster = Instance.Value;
        var name = "wego_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(cluster.ConnectionString("postgres") + ";Pooling=false"))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        return cluster.ConnectionString(name) + ";Include Error Detail=true;Timezone=UTC";
    }

    /// <summary>Drops a database <see cref="CreateDatabase"/> made, with any connection still open on it (a second
    /// instance of the same test may still hold one): a whole run of the integration tier makes hundreds.</summary>
    public static void DropDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(Instance.Value.ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        var sql = $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)";
        using var drop = new NpgsqlCommand(sql, connection);
        drop.ExecuteNonQuery();
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory
            .GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static Running Start()
    {
        var bin = BinDirectory
            ?? throw new InvalidOperationException(
                $"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): {InstallHint}. "
                    + "Tests on PostgreSQL fail without it under CI=true and are skipped otherwise."
            );

        RemoveStoppedClusters();
        var folder = Directory.CreateTempSubdirectory("wego-pg-").FullName;
        // The server runs as postgres when we are root: it must be able to enter and write the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }
        var data = Path.Combine(folder, "data");
        var log = Path.Combine(folder, "server.log");
        var port = FreePort();

        Run(
            bin,
            "initdb",
            ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
            log
        );
        Run(
            bin,
            "pg_ctl",
            [
                "-D",
                data,
                "-l",
                log,
                "-w",
                "-o",
                $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                    + "-c full_page_writes=off -c max_connections=300 -c TimeZone=UTC",
                "start",
            ],
            log
        );

        var running = new Running(port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                Run(bin, "pg_ctl", ["-D", data, "-m", "immediate", "stop"], log);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        };
        return running;
    }

    /// <summary>The folders of earlier runs' clusters that are stopped (no <c>postmaster.pid</c>) and an hour old: the
    /// test host may be ended before its exit handler has deleted its folder, and a killed one leaves it too.</summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "wego-pg-*"))
        {
            if (
                !File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
                && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1)
            )
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another process is removing it.
                }
                catch (UnauthorizedAccessException)
                {
                    // Another user's cluster.
                }
            }
        }
    }

    /// <summary>Runs a PostgreSQL program to its end, as the postgres user when this process is root; on failure the
    /// error carries its output and the server log's tail.</summary>
    private static void Run(string bin, string program, IReadOnlyList<string> arguments, string log)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
        if (System.Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", Path.Combine(bin, program)])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = Path.Combine(bin, program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "";
            throw new InvalidOperationException(
                $"{program} failed with exit code {process.ExitCode}:\n{output.Result}\n{error}\n{tail}"
            );
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Running(int Port)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";
    }
}

/// <summary>A test on PostgreSQL. Without the server's binaries it is skipped locally with the command that installs
/// them, but under CI=true it runs and fails with that message (a skipped test must not hide in CI).</summary>
public sealed class PostgreSqlFactAttribute : Xunit.FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlCluster.BinDirectory is null && !PostgreSqlCluster.RunningInCi)
        {
            Skip = $"PostgreSQL not found under /usr/lib/postgresql: {PostgreSqlCluster.InstallHint}.";
        }
    }
}
