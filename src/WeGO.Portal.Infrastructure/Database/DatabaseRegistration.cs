using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Infrastructure.Database;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Portal";
    public const string SqliteMigrationsAssembly = "WeGO.Portal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "WeGO.Portal.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "WeGO.Portal.Migrations.PostgreSql";

    /// <summary>SQLite in the data folder unless configuration chooses SQL Server or PostgreSQL. Configuration is read
    /// when the first context is made, so every source (files, environment, test hosts) has had its say.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()
            ?? new DatabaseOptions()
        );
        services.AddSingleton(provider => new DatabaseConnection(
            ConnectionString(
                provider.GetRequiredService<DatabaseOptions>(),
                provider.GetRequiredService<IConfiguration>(),
                provider.GetRequiredService<PortalDataDirectory>()
            )
        ));

        // Contexts are pooled (docs/decisions/0050): a scope rents one and lends it its audit trail and session
        // invalidation, which the one interceptor in the shared options calls on every save; disposing the scope
        // gives the context back, reset.
        services.AddPooledDbContextFactory<PortalDbContext>(
            (provider, builder) =>
            {
                Configure(
                    builder,
                    provider.GetRequiredService<DatabaseOptions>(),
                    provider.GetRequiredService<DatabaseConnection>().ConnectionString
                );
                builder.AddInterceptors(ScopeInterceptors.Instance);
            }
        );
        services.AddScoped(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            db.UseScope(provider.GetRequiredService<AuditTrail>(), provider.GetRequiredService<SessionInvalidation>());
            return db;
        });

        services.AddSingleton<SqliteWriteGate>();
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: ["ready"]);
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
            case DatabaseProvider.PostgreSql:
                builder
                    .UseNpgsql(connectionString, npgsql =>
                    {
                        npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly);
                        npgsql.EnableRetryOnFailure(options.MaxRetryCount);
                    })
                    .UseCaseInsensitiveLike();
                break;
            default:
                builder
                    .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqliteConnectionSetup.For(options.SqliteCacheKib));
                break;
        }
    }

    private static string ConnectionString(
        DatabaseOptions options,
        IConfiguration configuration,
        PortalDataDirectory data
    )
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return options.Provider == DatabaseProvider.Sqlite
            ? $"Data Source={data.Combine("portal.db")}"
            : throw new InvalidOperationException(
                $"Database:Provider is {options.Provider} but ConnectionStrings:Portal is empty. "
                    + "See docs/operations.md."
            );
    }

    private sealed record DatabaseConnection(string ConnectionString);
}
