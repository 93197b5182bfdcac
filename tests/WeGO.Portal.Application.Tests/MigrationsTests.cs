using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed: run dotnet ef migrations add for WeGO.Portal.Migrations.Sqlite "
                + "(see docs/operations.md)."
        );
    }

    [Fact]
    public void Sql_server_migrations_match_the_model()
    {
        using var db = new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed: run dotnet ef migrations add for WeGO.Portal.Migrations.SqlServer "
                + "(see docs/operations.md)."
        );
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        static IEnumerable<string> Names(DbContext db) =>
            db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        using var sqlite = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void Sql_server_idempotent_script_creates_every_table_guarded()
    {
        using var db = new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains(
            "IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]",
            script.ReplaceLineEndings("\n"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Portal_start_up_creates_and_migrates_the_sqlite_file_in_the_data_folder()
    {
        using var portal = new PortalFactory { SeedDemo = false }.Start();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.True(File.Exists(Path.Combine(portal.DataDirectory, "portal.db")));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
    }
}
