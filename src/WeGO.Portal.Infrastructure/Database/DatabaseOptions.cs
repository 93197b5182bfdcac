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

    /// <summary>The page cache of each SQLite connection, in KiB. Every pooled connection keeps its own for the life
    /// of the process (about one per concurrent request, 10-14 under load), and the operating system caches the file
    /// as well, so a small one costs little: see docs/decisions/0043-peak-memory.md. SQLite's own default is
    /// 2,000.</summary>
    public int SqliteCacheKib { get; set; } = DefaultSqliteCacheKib;

    public const int DefaultSqliteCacheKib = 512;
}
