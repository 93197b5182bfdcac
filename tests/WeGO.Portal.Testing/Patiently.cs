using System.Diagnostics;
using System.Globalization;

namespace WeGO.Portal.Testing;

/// <summary>The one way tests wait: on progress, never on a total deadline. A wait watches a value that moves while
/// the work goes on (messages delivered, rows written, bytes logged) and fails only when that value has not changed
/// for <see cref="StallLimit"/>, saying what stalled and where it stood. A slow or shared machine makes a wait longer,
/// never red; a stuck one still fails, with the last value to look at.</summary>
public static class Patiently
{
    /// <summary>How long nothing may move before a wait gives up; also the bound of every single step that has no
    /// progress of its own to watch (one HTTP request, one browser action, one SMTP reply), so that a step is stalled,
    /// not slow, before it fails.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Observes the work until <paramref name="done"/> holds; fails when its progress (the observed value
    /// itself, or what <paramref name="progress"/> takes from it) has stayed the same for <paramref name="stallLimit"/>
    /// (default <see cref="StallLimit"/>).</summary> <param name="what">What is awaited, for the failure: "every outbox
    /// message to be delivered".</param>
    public static async Task UntilAsync<T>(
        string what,
        Func<Task<T>> observe,
        Func<T, bool> done,
        Func<T, object?>? progress = null,
        TimeSpan? stallLimit = null
    )
    {
        var limit = stallLimit ?? StallLimit;
        var measure = progress ?? (value => value);
        var started = Stopwatch.GetTimestamp();
        var value = await observe();
        var last = measure(value);
        var changed = Stopwatch.GetTimestamp();
        while (!done(value))
        {
            if (Stopwatch.GetElapsedTime(changed) >= limit)
            {
                throw new StalledException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Stalled waiting for {what}: the progress stayed at {last} for {limit.TotalSeconds:N0} s "
                            + $"({Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s in all)."
                    )
                );
            }

            await Task.Delay(Poll);
            value = await observe();
            var now = measure(value);
            if (!Equals(now, last))
            {
                last = now;
                changed = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <inheritdoc cref="UntilAsync{T}(string, Func{Task{T}}, Func{T, bool}, Func{T, object}, TimeSpan?)"/>
    public static Task UntilAsync<T>(
        string what,
        Func<T> observe,
        Func<T, bool> done,
        Func<T, object?>? progress = null,
        TimeSpan? stallLimit = null
    ) => UntilAsync(what, () => Task.FromResult(observe()), done, progress, stallLimit);

    /// <summary>Awaits <paramref name="work"/> while <paramref name="progress"/> moves (posts answered, messages sent);
    /// fails when it has stood still for the stall limit. Without a progress value, the work's completion is the only
    /// step: it may take up to <see cref="StallLimit"/>.</summary>
    public static async Task ForAsync(
        Task work,
        string what,
        Func<object>? progress = null,
        TimeSpan? stallLimit = null
    )
    {
        var observe = progress ?? (() => "not finished");
        await UntilAsync(
            what,
            () => (work.IsCompleted, Progress: observe()),
            v => v.IsCompleted,
            v => v.Progress,
            stallLimit
        );
        await work;
    }
}

/// <summary>A wait whose progress stood still for the stall limit: the work is stuck, not merely slow.</summary>
public sealed class StalledException(string message) : Exception(message);
