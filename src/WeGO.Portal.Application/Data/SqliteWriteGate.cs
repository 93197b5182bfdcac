using Microsoft.EntityFrameworkCore;

namespace WeGO.Portal.Application.Data;

/// <summary>One command (or outbox delivery) writing to a SQLite database at a time, queued in the process. SQLite has
/// a single writer: without the queue, a command that finds the file locked gets SQLITE_BUSY and Microsoft.Data.Sqlite
/// sleeps before trying again, so under many concurrent posts some wait for seconds (the load bench measured a p99 of
/// 0.9-1.1 s for the public form). Waiting in line on a semaphore costs nothing while the writer works; and a writer
/// that does not queue would rarely find the lock free between two queued ones, so the steady writers all take turns.
/// SQL Server has row locks and several instances share it: there the gate lets everyone through. One per process (a
/// singleton), which is all SQLite supports: docs/operations.md says to run several instances on SQL Server only. Never
/// disposed: a request still leaving its turn while the host shuts down must not find the semaphore gone (it holds no
/// unmanaged resource).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001",
    Justification = "Lives as long as the process; see the summary."
)]
public sealed class SqliteWriteGate
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits for this process's turn to write to <paramref name="db"/>'s database; dispose the answer to let
    /// the next in.</summary>
    public async ValueTask<Turn> EnterAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!TakesTurns(db))
        {
            return default;
        }

        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    /// <summary>Whether writers to <paramref name="db"/>'s database take turns here (SQLite).</summary>
    public static bool TakesTurns(PortalDbContext db) => db.Database.ProviderName == SqliteProvider;

    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
