using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Reliability;

/// <summary>The portal on a real Kestrel port over a data folder this harness owns, so it can be stopped and started
/// again on the same database and port; and the crowd of browsers that fill in /Membership/Join meanwhile.</summary>
internal sealed class InquiryLoad : IAsyncDisposable
{
    private readonly string dataDirectory = Path.Combine(
        Path.GetTempPath(),
        "wego-portal-tests",
        "load-" + Guid.NewGuid().ToString("N")
    );
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly SmtpTestServer? smtp;
    private volatile Uri root = new("http://127.0.0.1/");
    private int port;

    public InquiryLoad(SmtpTestServer? smtp = null)
    {
        this.smtp = smtp;
        Directory.CreateDirectory(dataDirectory);
    }

    public PortalFactory? Portal { get; private set; }

    /// <summary>Moved forward by a test to make every backed-off message due; otherwise the real time.</summary>
    public ShiftedClock Clock { get; } = new();

    public string ConnectionString => $"Data Source={Path.Combine(dataDirectory, "portal.db")}";

    public ConcurrentBag<string> Accepted { get; } = [];

    public ConcurrentBag<int> Rejected { get; } = [];

    public ConcurrentBag<string> ServerErrors { get; } = [];

    private int connectionErrors;

    public int ConnectionErrors => connectionErrors;

    /// <summary>Every answer and every retried connection error so far: what moves while the crowd is being
    /// served.</summary>
    public int Answered => Accepted.Count + Rejected.Count + ServerErrors.Count + connectionErrors;

    /// <summary>Starts an instance on the harness's database and port (the port of the last start when it is free, else
    /// a new one).</summary>
    public void StartPortal()
    {
        var wanted = port != 0 ? port : FreePort();
        try
        {
            Portal = Create(wanted);
        }
        catch (IOException)
        {
            // The old port is still held (TIME_WAIT without reuse): the clients follow the new address.
            wanted = FreePort();
            Portal = Create(wanted);
        }

        port = wanted;
        root = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Stops the instance as an orchestrator does: Kestrel stops accepting and drains the requests in
    /// flight.</summary>
    public async Task StopPortalAsync()
    {
        if (Portal is { } portal)
        {
            Portal = null;
            await portal.DisposeAsync();
        }
    }

    /// <summary><paramref name="clients"/> browsers, each with its own cookies, open /Membership/Join once and post it
    /// until <paramref name="submissions"/> posts (each a new organisation and email) have been answered. A post that
    /// meets a connection error (the portal restarting) is sent again, as a person would press the button
    /// again.</summary>
    public async Task SubmitAsync(int submissions, int clients)
    {
        var next = -1;
        await Task.WhenAll(
            Enumerable
                .Range(0, clients)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        using var http = new HttpClient(
                            new SocketsHttpHandler
                            {
                                AllowAutoRedirect = false,
                                CookieContainer = new CookieContainer(),
                                UseCookies = true,
                                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
                            }
                        )
                        {
                            // No deadline per post: the test watches the crowd's progress (Answered) and fails when it
                            // stalls.
                            Timeout = Timeout.InfiniteTimeSpan,
                        };
                        var token = await AntiforgeryTokenAsync(http);
                        for (
                            var n = Interlocked.Increment(ref next);
                            n < submissions;
                            n = Interlocked.Increment(ref next)
                        )
                        {
                            var email = $"load-{run}-{n}@example.org";
                            while (true)
                            {
                                HttpResponseMessage response;
                                try
                                {
                                    using var form = new FormUrlEncodedContent(Fields(n, email, token));
                                    response = await http.PostAsync(new Uri(root, "/Membership/Join"), form);
                                }
                                catch (HttpRequestException)
                                {
                                    Interlocked.Increment(ref connectionErrors);
                                    await Task.Delay(50);
                                    continue;
                                }

                                using (response)
                                {
                                    var status = (int)response.StatusCode;
                                    if (
                                        status == 302
                                        && response.Headers.Location?.OriginalString.StartsWith(
                                            "/Membership/Sent/",
                                            StringComparison.Ordinal
                                        ) == true
                                    )
                                    {
                                        Accepted.Add(email);
                                    }
                                    else if (status >= 500)
                                    {
                                        var answer = await response.Content.ReadAsStringAsync();
                                        ServerErrors.Add($"{status} for {email}: {Excerpt(answer)}");
                                    }
                                    else
                                    {
                                        Rejected.Add(status);
                                        token = await AntiforgeryTokenAsync(http);
                                    }
                                }

                                break;
                            }
                        }
                    })
                )
        );
    }

    /// <summary>Every inquiry's email as the database holds it, read straight from the file.</summary>
    public async Task<List<string>> StoredEmailsAsync() =>
        await QueryAsync("SELECT Email FROM MembershipInquiries", r => r.GetString(0));

    public async Task<List<(int Id, bool Sent, int Attempts)>> OutboxAsync() =>
        await QueryAsync("SELECT Id, SentAtUtc IS NOT NULL, Attempts FROM OutboxMessages", r =>
            (r.GetInt32(0), r.GetBoolean(1), r.GetInt32(2))
        );

    public async ValueTask DisposeAsync()
    {
        await StopPortalAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed; the temporary folder is cleaned by the system.
        }
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection(ConnectionString + ";Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private PortalFactory Create(int listenPort)
    {
        PortalFactory portal = new ClockedPortal(Clock) { SeedDemo = false };
        portal.Settings["Portal:DataDirectory"] = dataDirectory;
        portal.Settings["ConnectionStrings:Portal"] = ConnectionString;
        portal.Settings["Portal:Inquiries:RateLimit:PermitLimit"] = "1000000";
        if (smtp is not null)
        {
            portal.Settings["Portal:Mail:Dispatch"] = "true";
            portal.Settings["Portal:Mail:PollSeconds"] = "0.2";
            portal.Settings["Portal:Mail:Smtp:Host"] = "127.0.0.1";
            portal.Settings["Portal:Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            portal.Settings["Portal:Mail:Smtp:Security"] = "None";
            portal.Settings["Portal:Mail:Smtp:TimeoutSeconds"] = Patiently.StallLimit.TotalSeconds.ToString(
                CultureInfo.InvariantCulture
            );
        }

        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, listenPort));
        try
        {
            portal.StartServer();
            return portal;
        }
        catch
        {
            portal.Dispose();
            throw;
        }
    }

    private async Task<string> AntiforgeryTokenAsync(HttpClient http)
    {
        while (true)
        {
            try
            {
                var page = await http.GetStringAsync(new Uri(root, "/Membership/Join"));
                return PortalClient.AntiforgeryToken(page)
                    ?? throw new InvalidOperationException("No antiforgery token on /Membership/Join");
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                Interlocked.Increment(ref connectionErrors);
                await Task.Delay(50);
            }
        }
    }

    private KeyValuePair<string, string>[] Fields(int n, string email, string token) =>
        [
            // A word of its own in every name, so no submission is matched to another's city record.
            new("Input.OrganizationName", $"Loadville {run}{n:D5} Council"),
            new(
                "Input.CountryCode",
                (n % 3) switch
                {
                    0 => "MY",
                    1 => "PE",
                    _ => "KR",
                }
            ),
            new("Input.Kind", "LocalGovernment"),
            new("Input.Population", "680000"),
            new("Input.ContactName", "Lee Kai Yet"),
            new("Input.ContactPosition", "Councillor"),
            new("Input.Email", email),
            new("Input.Phone", "+60 6-762 0000"),
            new(
                "Input.PreferredLanguage",
                (n % 3) switch
                {
                    0 => "en",
                    1 => "es",
                    _ => "ko",
                }
            ),
            new("Input.Interests", "CapacityBuilding"),
            new("Input.OtherInterest", ""),
            new("Input.HeardFrom", "A colleague"),
            new("Input.VisitId", ""),
            new("Input.Message", $"Submission {n} of the load test."),
            new("Input.ConsentGiven", "true"),
            new("website", ""),
            new("__RequestVerificationToken", token),
        ];

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ClockedPortal(TimeProvider clock) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(clock);

                // A stop drains the posts in flight however long a loaded machine takes: past the default 30 s Kestrel
                // would cut them, and a post stored but never answered would be sent again by its browser.
                services.Configure<HostOptions>(options => options.ShutdownTimeout = Patiently.StallLimit);
            });
        }
    }
}

/// <summary>The real time, moved forward when a test says (to make backed-off outbox messages due at once).</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
