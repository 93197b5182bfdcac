using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

public sealed class MigrationsTests
{
    /// <summary>PostgreSQL came later (docs/decisions/0038): its first migration is a baseline of the whole model,
    /// named after the others' migration it stands for.</summary>
    public const string PostgreSqlBaseline = "StaffZonesAndNamesInLanguages";

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
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = new Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed: run dotnet ef migrations add for WeGO.Portal.Migrations.PostgreSql "
                + "(see docs/operations.md)."
        );
    }

    private static List<string> Names(DbContext db) =>
        [.. db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..])];

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void PostgreSql_has_the_others_migrations_from_its_baseline_on()
    {
        using var sqlite = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var postgreSql = new Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);
        var others = Names(sqlite);

        Assert.Contains(PostgreSqlBaseline, others);
        Assert.Equal(others.SkipWhile(name => name != PostgreSqlBaseline), Names(postgreSql));
    }

    [Fact]
    public void PostgreSql_idempotent_script_creates_every_table_and_the_search_indexes()
    {
        using var db = new Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct())
        {
            Assert.Contains($"CREATE TABLE \"{table}\"", script, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE EXTENSION IF NOT EXISTS pg_trgm", script, StringComparison.Ordinal);
        Assert.Contains("USING gin (portal_fold(\"Venue\") gin_trgm_ops)", script, StringComparison.Ordinal);
    }

    /// <summary>The script operators apply with psql (docs/operations.md) runs on an empty database, and a second
    /// time changes nothing.</summary>
    [PostgreSqlFact]
    public async Task PostgreSql_idempotent_script_applies_to_an_empty_database_twice()
    {
        using var design = new Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]);
        var script = design.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var connectionString = PostgreSqlCluster.CreateDatabase();
        try
        {
            await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                foreach (var _ in Enumerable.Range(0, 2))
                {
                    await using var apply = new Npgsql.NpgsqlCommand(script, connection);
                    await apply.ExecuteNonQueryAsync();
                }
            }

            var options = new DbContextOptionsBuilder<PortalDbContext>()
                .UseNpgsql(connectionString, o => o.MigrationsAssembly("WeGO.Portal.Migrations.PostgreSql"))
                .Options;
            await using var db = new PortalDbContext(options);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(
                "bogota",
                await db.Database.SqlQueryRaw<string>("SELECT portal_fold('BOGOTÁ') AS \"Value\"").SingleAsync()
            );
        }
        finally
        {
            PostgreSqlCluster.DropDatabase(connectionString);
        }
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

    // About SQLite's file: PostgreSqlTests start a portal on an empty PostgreSQL database and check its migration.
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Portal_start_up_creates_and_migrates_the_sqlite_file_in_the_data_folder()
    {
        using var portal = new PortalFactory { SeedDemo = false, Database = TestDatabase.Sqlite }.Start();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.True(File.Exists(Path.Combine(portal.DataDirectory, "portal.db")));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
    }
}
