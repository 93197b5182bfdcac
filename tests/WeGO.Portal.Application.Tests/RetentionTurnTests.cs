using System.Diagnostics;
using WeGO.Portal.Infrastructure.Retention;

namespace WeGO.Portal.Application.Tests;

/// <summary>Retention shares the database with the portal's users: its batches run one at a time, and after each the
/// database is left to everyone else for at least as long as the batch held it.</summary>
public sealed class RetentionTurnTests
{
    /// <summary>Timers may fire up to a tick early; anything later only widens the gap.</summary>
    private static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_batch_waits_for_the_one_before_it_and_for_a_pause_as_long_as_that_batch()
    {
        using var turn = new RetentionTurn(TimeProvider.System);
        var firstHeld = TimeSpan.FromMilliseconds(300);
        var firstStarted = new TaskCompletionSource();
        long firstEnded = 0;
        long secondStarted = 0;

        var first = turn.TakeAsync(
            async ct =>
            {
                firstStarted.SetResult();
                await Task.Delay(firstHeld, ct);
                firstEnded = Stopwatch.GetTimestamp();
                return 1;
            },
            default
        );
        await firstStarted.Task;
        var second = turn.TakeAsync(
            ct =>
            {
                secondStarted = Stopwatch.GetTimestamp();
                return Task.FromResult(2);
            },
            default
        );

        var results = await Task.WhenAll(first, second);
        Assert.Equal([1, 2], results);
        Assert.True(secondStarted > firstEnded, "the second batch ran while the first held the turn");
        var gap = Stopwatch.GetElapsedTime(firstEnded, secondStarted);
        Assert.True(gap >= firstHeld - TimerResolution, $"the second batch started {gap.TotalMilliseconds:0} ms after");
    }
}
