namespace WeGO.Portal.Testing;

/// <summary>Finds files of the repository the tests were built from (resources, pages, migrations).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WeGO.Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("WeGO.Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
