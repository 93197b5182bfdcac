using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Infrastructure.Database;
using WeGO.Portal.Infrastructure.Identity;

namespace WeGO.Portal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentActor, SystemActor>();
        services.AddPortalDatabase(configuration, dataDirectory);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AdministratorBootstrap>();
        return services;
    }
}
