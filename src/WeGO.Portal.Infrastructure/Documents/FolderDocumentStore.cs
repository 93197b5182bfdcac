using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Infrastructure.Documents;

/// <summary>Documents as files in one folder: <c>Portal:Documents:Directory</c>, or <c>documents</c> in the data
/// folder. A file is written under a temporary name and renamed into place, so it appears whole or not at all; names
/// that are not the portal's own are refused, so no path can reach outside the folder.</summary>
public sealed class FolderDocumentStore : IDocumentStore
{
    private const string Partial = ".partial";

    public FolderDocumentStore(string folder)
    {
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public async Task SaveAsync(string storedName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(storedName);
        var partial = path + Partial;
        try
        {
            await File.WriteAllBytesAsync(partial, content, cancellationToken);
            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string storedName) => File.Delete(PathOf(storedName));

    public IEnumerable<(string StoredName, DateTime WrittenAtUtc)> List() =>
        Directory
            .EnumerateFiles(Folder)
            .Select(path => (Path.GetFileName(path), File.GetLastWriteTimeUtc(path)))
            .Where(file => StoredNames.IsWellFormed(file.Item1));

    private string PathOf(string storedName) =>
        StoredNames.IsWellFormed(storedName)
            ? Path.Combine(Folder, storedName)
            : throw new ArgumentException("Not a stored document's name.", nameof(storedName));
}
