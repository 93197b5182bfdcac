using System.Diagnostics;

namespace WeGO.Portal.Bench;

/// <summary>One request at a time: what the in-process benchmarks (visits-list, dashboard) share.</summary>
internal static class Timing
{
    /// <summary>Runs <paramref name="request"/> <paramref name="warmup"/> times untimed, then <paramref
    /// name="iterations"/> times timed (ms).</summary>
    public static async Task<double[]> TimeAsync(int iterations, int warmup, Func<Task> request)
    {
        for (var i = 0; i < warmup; i++)
        {
            await request();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await request();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return samples;
    }

    /// <summary>The sample under which <paramref name="percent"/>% of them lie (nearest rank).</summary>
    public static double Percentile(IEnumerable<double> samples, double percent)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>The machine's load average (1, 5 and 15 minutes), printed beside every figure.</summary>
internal static class LoadAverage
{
    public static string Now()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
