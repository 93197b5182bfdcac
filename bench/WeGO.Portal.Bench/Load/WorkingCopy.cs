namespace WeGO.Portal.Bench.Load;

/// <summary>A generated data folder's database and documents, copied for one <see cref="PortalProcess"/> and deleted
/// when it stops, so every run of <c>load</c> or <c>check</c> measures the data as generated. The public form's posts
/// store thousands of inquiries a run, and signing in and the portal's own timers write too: measured on the generated
/// folder itself, each later run counted them (after a morning of runs, 99,000 posted inquiries made the baseline
/// layout's count of new inquiries seven times slower, and its overhead read -44%). The portal's console log is kept
/// in the generated folder.</summary>
internal sealed class WorkingCopy : IDisposable
{
    public const string ConsoleLog = "portal-console.log";

    private readonly string generated;

    private WorkingCopy(string generated, string folder)
    {
        this.generated = generated;
        Folder = folder;
    }

    public string Folder { get; }

    public string Database => Path.Combine(Folder, "portal.db");

    /// <summary>Copies <paramref name="generated"/>'s database (with its write-ahead log, if one was left) and
    /// documents beside it, into <c>&lt;folder&gt;.run</c>; a copy a killed run left there is replaced.</summary>
    public static WorkingCopy Of(string generated)
    {
        var folder = generated.TrimEnd(Path.DirectorySeparatorChar) + ".run";
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(generated, "portal.db*"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var documents = Path.Combine(generated, "documents");
        if (Directory.Exists(documents))
        {
            foreach (var file in Directory.EnumerateFiles(documents, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(folder, Path.GetRelativePath(generated, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }

        return new WorkingCopy(generated, folder);
    }

    public void Dispose()
    {
        var log = Path.Combine(Folder, ConsoleLog);
        if (File.Exists(log))
        {
            File.Move(log, Path.Combine(generated, ConsoleLog), overwrite: true);
        }

        Directory.Delete(Folder, recursive: true);
    }
}
