using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Testing;

/// <summary>The real portal, as Program.cs builds it, on a SQLite file of its own in a fresh temporary folder (or,
/// with <see cref="Database"/>, a fresh PostgreSQL database). With <see cref="ListenOnLoopback"/> it runs on a real
/// Kestrel port for a browser.</summary>
public partial class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.wego";
    public const string AdminPassword = "Admin-Password-2024";

    public PortalFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "wego-portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>The database this portal starts on: its own SQLite file, or its own database on this process's
    /// PostgreSQL cluster (<see cref="PostgreSqlCluster"/>). The default is <see cref="DefaultDatabase"/>.</summary>
    public TestDatabase Database { get; init; } = DefaultDatabase;

    /// <summary>The environment variable <c>WEGO_TEST_DATABASE</c> (<c>PostgreSql</c> or <c>Sqlite</c>, case ignored),
    /// SQLite when unset: CI runs the integration tier once on each.</summary>
    public static TestDatabase DefaultDatabase { get; } = DatabaseFromEnvironment();

    /// <summary>This portal's database: another factory given it as <c>ConnectionStrings:Portal</c> (with the same
    /// <see cref="Database"/>) is a second instance on the same database.</summary>
    public string DatabaseConnectionString =>
        Database == TestDatabase.PostgreSql
            ? postgreSqlConnectionString ??= PostgreSqlCluster.CreateDatabase()
            : $"Data Source={Path.Combine(DataDirectory, "portal.db")}";

    private string? postgreSqlConnectionString;

    /// <summary>Off: each test makes the rows it needs (<see cref="TestData"/>). The demo data is tested once, on
    /// its own (DemoDataTests); a test still walking the demo opts in, or takes <see cref="DemoPortal"/> as its
    /// fixture.</summary>
    public bool SeedDemo { get; init; }

    public bool ListenOnLoopback { get; init; }

    public string Environment { get; init; } = "Development";

    public Uri RootUri { get; private set; } = new("http://localhost/");

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Starts the portal now (for a browser, on a free loopback port).</summary>
    public PortalFactory Start()
    {
        if (ListenOnLoopback)
        {
            var port = FreePort();
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
            StartServer();
            RootUri = new Uri($"http://127.0.0.1:{port}/");
        }
        else
        {
            _ = Server;
        }

        return this;
    }

    /// <summary>A staff account with a chosen password, ready to sign in.</summary>
    public async Task<string> CreateStaffAsync(string email, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, roles);
        return user.Id;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        builder.UseSetting("Portal:Admin:Email", AdminEmail);
        builder.UseSetting("Portal:Admin:Password", AdminPassword);
        builder.UseSetting("Portal:SeedDemo", SeedDemo ? "true" : "false");
        if (Database == TestDatabase.PostgreSql)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            if (!Settings.ContainsKey("ConnectionStrings:Portal"))
            {
                builder.UseSetting("ConnectionStrings:Portal", DatabaseConnectionString);
            }
        }

        // The outbox sender stays off unless a test turns it on (Settings["Portal:Mail:Dispatch"] = "true"), so tests
        // that look at the messages a use case wrote see them as written.
        builder.UseSetting("Portal:Mail:Dispatch", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Every client of the portal: one request is one step, bounded like every other step of the suite
    /// (<see cref="Patiently.StallLimit"/>) rather than by HttpClient's own 100 s.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Timeout = Patiently.StallLimit;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            enrolling.Dispose();
            SqliteConnection.ClearAllPools();
            if (postgreSqlConnectionString is not null)
            {
                PostgreSqlCluster.DropDatabase(postgreSqlConnectionString);
            }

            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A log file still being flushed; the temporary folder is cleaned by the system.
            }
        }
    }

    private static TestDatabase DatabaseFromEnvironment()
    {
        var value = System.Environment.GetEnvironmentVariable("WEGO_TEST_DATABASE");
        if (string.IsNullOrWhiteSpace(value))
        {
            return TestDatabase.Sqlite;
        }

        return Enum.TryParse<TestDatabase>(value.Trim(), ignoreCase: true, out var database) && Enum.IsDefined(database)
            ? database
            : throw new InvalidOperationException(
                $"WEGO_TEST_DATABASE is '{value}': it must be PostgreSql or Sqlite (or unset, for SQLite)."
            );
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where a <see cref="PortalFactory"/> keeps its data.</summary>
public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>The portal with the demo data seeded (the Seremban visit, ../shared/seed/scenario.md), for a class fixture
/// that walks the demo.</summary>
public sealed class DemoPortal : PortalFactory
{
    public DemoPortal() => SeedDemo = true;
}
