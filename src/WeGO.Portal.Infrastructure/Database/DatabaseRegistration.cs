using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Infrastructure.Database;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Portal";
    public const string SqliteMigrationsAssembly = "WeGO.Portal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "WeGO.Portal.Migrations.SqlServer";

    /// <summary>SQLite in the data folder unless configuration chooses SQL Server.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        if (options.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer but ConnectionStrings:Portal is empty. See docs/operations.md.");
        }

        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "portal.db")}";
        }

        services.AddDbContext<PortalDbContext>((provider, builder) =>
        {
            Configure(builder, options, connectionString!);
            builder.AddInterceptors(provider.GetRequiredService<AuditTrail>());
        });

        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string connectionString)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, sql =>
                {
                    sql.MigrationsAssembly(SqlServerMigrationsAssembly);
                    sql.EnableRetryOnFailure(options.MaxRetryCount);
                });
                break;
            default:
                builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
        }
    }
}
