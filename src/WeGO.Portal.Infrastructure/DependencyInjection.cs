using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.News;
using WeGO.Portal.Infrastructure.Database;
using WeGO.Portal.Infrastructure.Identity;

namespace WeGO.Portal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentActor, SystemActor>();
        services.AddSingleton(provider => PortalDataDirectory.From(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));
        services.AddPortalDatabase();
        services.AddOptions<MailSettings>().BindConfiguration(MailSettings.Section);
        services.AddOptions<NewsSettings>().BindConfiguration(NewsSettings.Section);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AdministratorBootstrap>();
        return services;
    }
}
