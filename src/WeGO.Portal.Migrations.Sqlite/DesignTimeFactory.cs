using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the portal.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<PortalDbContext>()
                .UseSqlite("Data Source=design-time.db", sqlite =>
                    sqlite.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)
                )
                .Options
        );
}
