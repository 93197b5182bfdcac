using Microsoft.Extensions.Logging.Abstractions;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Application.Tests;

/// <summary>Files of deleted rows go once the deletion committed, and a file that cannot be deleted then does not turn
/// the committed command into a failure.</summary>
public sealed class CommandDocumentsTests
{
    /// <summary>A store in memory whose <see cref="Delete"/> fails for one name, as a locked file would.</summary>
    private sealed class Store(string stuck) : IDocumentStore
    {
        public HashSet<string> Names { get; } = [];

        public Task SaveAsync(string storedName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            Names.Add(storedName);
            return Task.CompletedTask;
        }

        public Stream? OpenRead(string storedName) => null;

        public void Delete(string storedName)
        {
            if (storedName == stuck)
            {
                throw new IOException("The file is in use.");
            }

            Names.Remove(storedName);
        }

        public IEnumerable<(string StoredName, DateTime WrittenAtUtc)> List() => [];
    }

    [Fact]
    public async Task Files_of_deleted_rows_go_after_the_commit_and_one_that_cannot_does_not_fail_it()
    {
        var stuck = StoredNames.New();
        var gone = StoredNames.New();
        var store = new Store(stuck);
        await store.SaveAsync(stuck, new byte[] { 1 }, default);
        await store.SaveAsync(gone, new byte[] { 1 }, default);
        var documents = new CommandDocuments(store, NullLogger<CommandDocuments>.Instance);

        documents.DeleteOnCommit(stuck);
        documents.DeleteOnCommit(gone);
        documents.Discard();
        Assert.Equal(new[] { stuck, gone }.Order(), store.Names.Order());

        documents.DeleteOnCommit(stuck);
        documents.DeleteOnCommit(gone);
        documents.Keep();
        Assert.Equal([stuck], store.Names);
    }
}
