using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>No hand-written line makes a reader scroll sideways: every line of src, tests and bench stays within the
/// formatter's 120 characters. The migrations are generated and left as EF writes them.</summary>
public sealed class LineLengthTests
{
    private const int Widest = 120;

    /// <summary>The kinds of file the limit covers; a new kind is one more pattern.</summary>
    private static readonly string[] Patterns = ["*.cs", "*.cshtml"];

    private static readonly string[] Folders = ["src", "tests", "bench"];

    /// <summary>Build output and generated code, which no one writes by hand.</summary>
    private static readonly string[] Skipped = ["bin", "obj", "Migrations"];

    [Fact]
    public void No_hand_written_line_is_wider_than_120_characters()
    {
        var files = HandWrittenFiles().ToList();
        Assert.Contains(files, f => f.EndsWith(nameof(LineLengthTests) + ".cs", StringComparison.Ordinal));

        var wide = WideLines(files);

        Assert.True(wide.Count == 0, $"Lines over {Widest} characters:\n" + string.Join('\n', wide));
    }

    [Fact]
    public void A_wide_line_is_named_by_its_file_and_line_number()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wide-{Guid.NewGuid():N}.cs");
        File.WriteAllLines(file, [new string('a', Widest), "", new string('한', Widest + 1)]);
        try
        {
            Assert.Equal([$"{file}:3: {Widest + 1} characters"], WideLines([file]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<string> HandWrittenFiles() =>
        from folder in Folders
        from pattern in Patterns
        from file in Directory.EnumerateFiles(RepositoryFiles.PathOf(folder), pattern, SearchOption.AllDirectories)
        where
            !Path.GetRelativePath(RepositoryFiles.Root, file)
                .Split(Path.DirectorySeparatorChar)
                .Intersect(Skipped)
                .Any()
        select file;

    private static List<string> WideLines(IEnumerable<string> files) =>
        [
            .. from file in files
            from line in File.ReadLines(file).Select((text, index) => (Number: index + 1, text.Length))
            where line.Length > Widest
            select $"{Relative(file)}:{line.Number}: {line.Length} characters",
        ];

    private static string Relative(string file) =>
        file.StartsWith(RepositoryFiles.Root, StringComparison.Ordinal)
            ? Path.GetRelativePath(RepositoryFiles.Root, file)
            : file;
}
