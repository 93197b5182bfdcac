using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Infrastructure.Database;
using WeGO.Portal.Infrastructure.DemoData;
using WeGO.Portal.Infrastructure.Identity;

namespace WeGO.Portal.Infrastructure;

/// <summary>What runs once before the portal takes requests: schema, roles, the first administrator,
/// reference data and, in Development or with --seed-demo, the scenario's demo data.</summary>
public static class PortalStartup
{
    public static async Task InitializeAsync(
        IServiceProvider services,
        IHostEnvironment environment,
        IConfiguration configuration,
        TextWriter console,
        CancellationToken cancellationToken = default
    )
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);

        var db = provider.GetRequiredService<PortalDbContext>();
        var log = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalStartup));
        await DataProtectionKeysFromFolder.ImportAsync(
            db,
            provider.GetRequiredService<PortalDataDirectory>(),
            log,
            cancellationToken
        );
        await RegionalOffices.EnsureAsync(db, cancellationToken);
        await provider.GetRequiredService<AdministratorBootstrap>().EnsureAsync(console);

        var seedDemo = configuration.GetValue<bool?>("Portal:SeedDemo") ?? environment.IsDevelopment();
        // The demo's history is the system's doing, not an anonymous visitor's.
        await using var system = SystemWork.CreateSystemScope(services.GetRequiredService<IServiceScopeFactory>());
        if (seedDemo && await DemoSecretariat.EnsureAsync(system.ServiceProvider, cancellationToken))
        {
            log.LogInformation(
                "Demo data created: the Seremban City Council visit of {Date}, its membership path and the network",
                SerembanVisit.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            );
        }
    }
}
