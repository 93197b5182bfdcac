namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Retention's share of the database: one batch at a time across every retention run of the process, and
/// after each batch a pause as long as the batch took, so background erasure holds at most half of the write turns.
/// A first run on years of backlog is a chain of batches, each holding SQLite's write turn (<c>SqliteWriteGate</c>)
/// for its changes (its read of the audit trail comes before the turn: <c>FoundCopies</c>); without the pause, three
/// runs starting together queued every form post behind them.</summary>
public sealed class RetentionTurn(TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Runs <paramref name="batch"/> in retention's turn, and keeps the turn for the pause after it.</summary>
    public async Task<T> TakeAsync<T>(Func<CancellationToken, Task<T>> batch, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            var started = clock.GetTimestamp();
            var result = await batch(cancellationToken);
            await Task.Delay(clock.GetElapsedTime(started), clock, cancellationToken);
            return result;
        }
        finally
        {
            turn.Release();
        }
    }

    public void Dispose() => turn.Dispose();
}
