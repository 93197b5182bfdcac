using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace WeGO.Portal.Bench.Load;

/// <summary>A closed-loop HTTP load generator: <c>connections</c> workers, each sending its next request as soon as the
/// previous answer has been read, over as many kept-alive connections. Every latency of the timed window is kept (a
/// sorted array gives exact percentiles), and every answer outside 2xx/3xx, or a failed request, counts as an error
/// (for a form POST, anything but a redirect: a refused form answers 200). The portal runs behind TLS in production:
/// requests carry <c>X-Forwarded-Proto: https</c> (the portal is started with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true,
/// as docs/operations.md says for a TLS-terminating proxy), and cookies are kept here by hand because the portal marks
/// them Secure, which HttpClient's cookie container would not send over http.</summary>
internal sealed partial class LoadClient : IDisposable
{
    private readonly HttpClient http;
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public LoadClient(Uri root, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        http = new HttpClient(handler) { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The cookies this client holds, as its requests send them.</summary>
    public string CookieHeader => string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value));

    /// <summary>Signs in through the sign-in form (antiforgery token and cookie first), as a browser does.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var token = await FormTokenAsync("/Account/SignIn");
        using var content = FormContent(
            FormBody([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)])
        );
        using var response = await SendAsync(HttpMethod.Post, "/Account/SignIn", content);
        Remember(response);
        if (response.StatusCode != HttpStatusCode.Redirect || !cookies.ContainsKey("wego.auth"))
        {
            throw new InvalidOperationException(
                $"Signing in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}"
            );
        }
    }

    /// <summary>Opens a page that holds a form and returns its antiforgery token; its cookie is kept for the
    /// posts.</summary>
    public async Task<string> FormTokenAsync(string formPath)
    {
        using var response = await SendAsync(HttpMethod.Get, formPath, null);
        Remember(response);
        var html = await response.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException(
                $"GET {formPath} answered {(int)response.StatusCode} with no antiforgery token"
            );
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form once, as the load will, and returns the answer's status.</summary>
    public async Task<HttpStatusCode> PostAsync(string path, byte[] form)
    {
        using var content = FormContent(form);
        using var response = await SendAsync(HttpMethod.Post, path, content);
        return response.StatusCode;
    }

    /// <summary>Loads one page for <paramref name="warmup"/>, then times it for <paramref name="duration"/>.</summary>
    /// <param name="cpu">The server's CPU time so far, sampled when the timed window opens and closes.</param>
    public async Task<LoadResult> RunAsync(
        Func<string> path,
        byte[]? form,
        int connections,
        TimeSpan warmup,
        TimeSpan duration,
        Func<TimeSpan> cpu
    )
    {
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loadBefore = LoadAverage.Now();
        var workers = Enumerable
            .Range(0, connections)
            .Select(_ => Task.Run(() => WorkAsync(path, form, measureFrom, stopAt)))
            .ToArray();
        await Task.Delay(warmup);
        var cpuFrom = cpu();
        await Task.Delay(duration);
        var cpuUsed = cpu() - cpuFrom;
        var results = await Task.WhenAll(workers);
        var finished = results.Max(r => r.LastDone);
        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = results.SelectMany(r => r.Errors).GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        return new LoadResult(
            latencies,
            Seconds: Stopwatch.GetElapsedTime(measureFrom, Math.Max(finished, measureFrom + 1)).TotalSeconds,
            Errors: errors,
            Bytes: results.Sum(r => r.Bytes),
            LoadBefore: loadBefore,
            LoadAfter: LoadAverage.Now()
        )
        {
            ServerCpu = cpuUsed,
        };
    }

    private sealed record WorkerResult(List<long> Latencies, List<string> Errors, long Bytes, long LastDone);

    private async Task<WorkerResult> WorkAsync(Func<string> path, byte[]? form, long measureFrom, long stopAt)
    {
        var latencies = new List<long>(4096);
        var errors = new List<string>();
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        long lastDone = 0;
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= stopAt)
            {
                break;
            }

            string? error = null;
            long read = 0;
            try
            {
                using var content = form is null ? null : FormContent(form);
                using var response = await SendAsync(form is null ? HttpMethod.Get : HttpMethod.Post, path(), content);
                await using var stream = await response.Content.ReadAsStreamAsync();
                int n;
                while ((n = await stream.ReadAsync(buffer)) > 0)
                {
                    read += n;
                }

                // A form that is accepted redirects; a form answered 200 was refused and shown again with its errors.
                var status = (int)response.StatusCode;
                if (form is null ? status is < 200 or >= 400 : status is < 300 or >= 400)
                {
                    error = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                error = e.GetType().Name;
            }

            var done = Stopwatch.GetTimestamp();
            if (start >= measureFrom)
            {
                latencies.Add(done - start);
                bytes += read;
                lastDone = Math.Max(lastDone, done);
                if (error is not null)
                {
                    errors.Add(error);
                }
            }
        }

        return new WorkerResult(latencies, errors, bytes, lastDone);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        if (cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", CookieHeader);
        }

        return http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private void Remember(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                cookies[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
        }
    }

    public static byte[] FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        System.Text.Encoding.ASCII.GetBytes(
            string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)))
        );

    private static ByteArrayContent FormContent(byte[] body) =>
        new(body) { Headers = { ContentType = new("application/x-www-form-urlencoded") } };

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>One page's timed window: every latency (Stopwatch ticks, sorted), the errors by kind, bytes read.</summary>
internal sealed record LoadResult(
    long[] Latencies,
    double Seconds,
    IReadOnlyDictionary<string, int> Errors,
    long Bytes,
    string LoadBefore,
    string LoadAfter
)
{
    public int Requests => Latencies.Length;

    /// <summary>Several timed windows of one page as one: their requests over their summed time.</summary>
    public static LoadResult Together(IReadOnlyList<LoadResult> windows)
    {
        if (windows.Count == 1)
        {
            return windows[0];
        }

        var latencies = windows.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        return new LoadResult(
            latencies,
            windows.Sum(w => w.Seconds),
            windows.SelectMany(w => w.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)),
            windows.Sum(w => w.Bytes),
            windows[0].LoadBefore,
            windows[^1].LoadAfter
        )
        {
            ServerCpu = TimeSpan.FromTicks(windows.Sum(w => w.ServerCpu.Ticks)),
        };
    }

    public double RequestsPerSecond => Requests / Seconds;

    public int ErrorCount => Errors.Values.Sum();

    public double AverageBytes => Requests == 0 ? 0 : (double)Bytes / Requests;

    /// <summary>The portal's CPU time during the timed window.</summary>
    public TimeSpan ServerCpu { get; init; }

    /// <summary>The portal's CPU milliseconds per request: what a page costs, much less disturbed by other jobs than
    /// latency.</summary>
    public double CpuMsPerRequest => Requests == 0 ? double.NaN : ServerCpu.TotalMilliseconds / Requests;

    /// <summary>The latency under which <paramref name="percent"/>% of the requests answered (nearest rank), in
    /// ms.</summary>
    public double Percentile(double percent)
    {
        if (Latencies.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * Latencies.Length);
        return Latencies[Math.Clamp(rank - 1, 0, Latencies.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
