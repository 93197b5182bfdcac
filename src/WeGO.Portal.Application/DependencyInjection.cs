using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application;

public static class DependencyInjection
{
    /// <summary>Validators, the audit trail, the cache of reads and the sign-in sessions. The mediator itself is
    /// generated in the host project, which calls AddMediator with the behaviours in order.</summary>
    public static IServiceCollection AddPortalApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(
            typeof(DependencyInjection).Assembly,
            ServiceLifetime.Scoped,
            includeInternalTypes: true
        );
        services.AddScoped<AuditTrail>();
        services.AddSingleton<Privacy.PersonalDataStores>();
        services.AddHybridCache();
        services.AddSingleton<Common.Caching.DataGenerations>();
        services.AddScoped<Common.Caching.ChangedData>();
        services.AddScoped<Common.Caching.ReadCache>();
        services.AddOptions<Common.Caching.CacheSettings>().BindConfiguration(Common.Caching.CacheSettings.Section);
        services.AddScoped<Common.SystemWork>();
        services.AddSingleton<Staff.OpenSessions>();
        services.AddScoped<Staff.SessionInvalidation>();
        return services;
    }
}
