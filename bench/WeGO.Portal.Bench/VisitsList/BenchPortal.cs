using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WeGO.Portal.Bench.VisitsList;

/// <summary>The real portal, as Program.cs builds it, in the Production environment on a generated data folder.
/// Requests go through the whole ASP.NET Core pipeline in memory (TestServer): no sockets, no TLS.</summary>
internal sealed class BenchPortal(string dataDirectory) : WebApplicationFactory<Program>
{
    public const string Environment = "Production";
    public const string AdminEmail = "bench-admin@wego-portal.local";
    public const string AdminPassword = "Bench-Admin-Password-2024";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(WebProjectFolder());
        builder.UseEnvironment(Environment);
        builder.UseSetting("Portal:DataDirectory", dataDirectory);
        builder.UseSetting("Portal:Admin:Email", AdminEmail);
        builder.UseSetting("Portal:Admin:Password", AdminPassword);
        builder.UseSetting("Portal:SeedDemo", "false");
        // Production redirects plain http to https; the client talks https to a non-local name, as behind TLS.
        builder.UseSetting("https_port", "443");
    }

    /// <summary>The web project's folder (its appsettings.json and wwwroot), from the manifest Mvc.Testing writes next to
    /// this program: WebApplicationFactory looks for that file in the current folder only, and dotnet run starts elsewhere.</summary>
    private static string WebProjectFolder()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty(typeof(Program).Assembly.FullName!).GetString()!;
    }
}
