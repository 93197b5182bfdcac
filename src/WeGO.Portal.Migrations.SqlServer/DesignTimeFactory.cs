using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the SQL Server model and script without a server: no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<PortalDbContext>()
                .UseSqlServer(
                    "Server=(design-time);Database=WeGOPortal;Integrated Security=true;TrustServerCertificate=true",
                    sql => sql.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)
                )
                .Options
        );
}
