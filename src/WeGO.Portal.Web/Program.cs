using WeGO.Portal.Web;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("--seed-demo"))
{
    builder.Configuration["Portal:SeedDemo"] = "true";
}

builder.AddPortal();
var app = await builder.BuildPortalAsync();
await app.RunAsync();

/// <summary>The entry point, public so integration tests can host the portal.</summary>
public partial class Program;
