using WeGO.Portal.Web;

namespace WeGO.Portal.Baseline;

/// <summary>The portal exactly as <c>Program</c> builds it, with the baseline pages added: what bench/run's load
/// command starts as its own process.</summary>
public static class BaselineHost
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPortal();
        builder.Services.AddBaselinePages();
        var app = await builder.BuildPortalAsync();
        await app.RunAsync();
    }
}
