using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the PostgreSQL model and script without a server: no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<PortalDbContext>()
                .UseNpgsql("Host=design-time;Database=wego_portal", npgsql =>
                    npgsql.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)
                )
                .Options
        );
}
