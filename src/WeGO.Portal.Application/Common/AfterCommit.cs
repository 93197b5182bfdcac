namespace WeGO.Portal.Application.Common;

/// <summary>Work a command leaves for after its transaction committed and its write turn was given back (deleting the
/// copies of erased data outside the database, flushing the database's log): a failed or retried attempt runs none of
/// it; a command sent inside another leaves it to the outer one.</summary>
public sealed class AfterCommit
{
    private readonly List<Func<CancellationToken, Task>> work = [];

    public void Then(Func<CancellationToken, Task> step) => work.Add(step);

    /// <summary>Forgets what an attempt asked for: the attempt failed, or is about to be made again.</summary>
    public void Clear() => work.Clear();

    /// <summary>Runs what the committed command asked for, in order, once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var steps = work.ToList();
        work.Clear();
        foreach (var step in steps)
        {
            await step(cancellationToken);
        }
    }
}

/// <summary>The mails the portal wrote as files (Development's pickup folder, <c>&lt;data&gt;/mail</c>): a person's
/// erasure deletes those that hold their address or name.</summary>
public interface ISentMailCopies
{
    /// <summary>Deletes every written mail that holds one of <paramref name="values"/> (without regard to case); the
    /// number deleted. Nothing to do when no mail was written as a file.</summary>
    Task<int> DeleteHoldingAsync(IReadOnlyCollection<string> values, CancellationToken cancellationToken);
}

/// <summary>The database's own files: after an erasure, the values it overwrote must not linger in a log beside the
/// database file.</summary>
public interface IDatabaseFiles
{
    /// <summary>Moves what was committed into the database file and empties its write-ahead log (SQLite); nothing to do
    /// on a server database, which keeps no log in the portal's data folder.</summary>
    Task FlushErasedAsync(CancellationToken cancellationToken);
}
