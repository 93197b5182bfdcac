using Microsoft.Extensions.Logging;

namespace WeGO.Portal.Application.Common;

/// <summary>Where uploaded documents' bytes live: outside the web root, each under a name the portal chose. Rows in
/// the database say what a file is and who may see it; the store only keeps bytes.</summary>
public interface IDocumentStore
{
    /// <summary>Writes the whole file or nothing: a reader never meets half a document.</summary>
    Task SaveAsync(string storedName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when there is no such file.</summary>
    Stream? OpenRead(string storedName);

    void Delete(string storedName);

    /// <summary>Every stored file's name and when it was written: what the sweep of orphans compares with the
    /// rows.</summary>
    IEnumerable<(string StoredName, DateTime WrittenAtUtc)> List();
}

/// <summary>The files one command writes, so that a command whose transaction fails leaves no file behind: handlers
/// write through it, and the unit of work deletes what was written when the save or the commit fails (a retried
/// command writes afresh). Once the transaction committed, the files belong to saved rows.</summary>
public sealed partial class CommandDocuments(IDocumentStore store, ILogger<CommandDocuments> logger)
{
    private readonly List<string> written = [];
    private readonly List<string> toDelete = [];

    public async Task SaveAsync(string storedName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        written.Add(storedName);
        await store.SaveAsync(storedName, content, cancellationToken);
    }

    /// <summary>Deletes the file once the transaction that deletes its row committed (a failed one keeps both).
    /// </summary>
    public void DeleteOnCommit(string storedName) => toDelete.Add(storedName);

    /// <summary>The transaction committed: the files written are the rows' now, and the files of deleted rows
    /// go.</summary>
    public void Keep()
    {
        written.Clear();
        foreach (var storedName in toDelete)
        {
            // The rows' deletion is committed: a file that cannot be deleted now must not turn that into a failure.
            try
            {
                store.Delete(storedName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                FileLeftBehind(logger, e, storedName);
            }
        }

        toDelete.Clear();
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Document {StoredName} stays in the store without a row: its deletion failed after the commit"
    )]
    private static partial void FileLeftBehind(ILogger logger, Exception exception, string storedName);

    /// <summary>The transaction failed: deletes every file written since the last <see cref="Keep"/>.</summary>
    public void Discard()
    {
        foreach (var storedName in written)
        {
            store.Delete(storedName);
        }

        written.Clear();
        toDelete.Clear();
    }
}

/// <summary>The name a document is stored under: 32 random hex characters, no extension, nothing the sender
/// typed.</summary>
public static class StoredNames
{
    public static string New() =>
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormed(string name) =>
        name is { Length: 32 } && name.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
