namespace WeGO.Portal.Bench;

/// <summary>The portal logs to the console as it would in production. A benchmark that hosts it in process sends that
/// to <c>bench-host-console.log</c> in the data folder while it runs, so that its own table stays readable (the table
/// is written to the writer the benchmark was given, the real console).</summary>
internal static class HostConsole
{
    public static async Task<T> AsideAsync<T>(string folder, Func<Task<T>> run)
    {
        var console = Console.Out;
        await using var hostConsole = new StreamWriter(Path.Combine(folder, "bench-host-console.log"), append: false);
        Console.SetOut(hostConsole);
        try
        {
            return await run();
        }
        finally
        {
            Console.SetOut(console);
        }
    }
}
