namespace WeGO.Portal.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. On by default; operators who apply the idempotent
    /// script themselves turn it off.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Retries of a transient SQL Server or PostgreSQL failure before giving up.</summary>
    public int MaxRetryCount { get; set; } = 6;
}
