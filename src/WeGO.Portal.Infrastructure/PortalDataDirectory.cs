using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace WeGO.Portal.Infrastructure;

/// <summary>The folder holding the SQLite database, logs and, in Development, outgoing mail as .eml files:
/// Portal:DataDirectory, or "data" under the content root.</summary>
public sealed record PortalDataDirectory(string Path)
{
    public static PortalDataDirectory From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Portal:DataDirectory"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(environment.ContentRootPath, "data")
            : System.IO.Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return new PortalDataDirectory(path);
    }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
