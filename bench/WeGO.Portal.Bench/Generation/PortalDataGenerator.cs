using System.Diagnostics;
using Bogus;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Infrastructure.Database;
using WeGO.Portal.Infrastructure.DemoData;

namespace WeGO.Portal.Bench.Generation;

internal sealed record GeneratorOptions(string DataDirectory, int Visits, int Inquiries)
{
    public const int DefaultSeed = 20241007;

    /// <summary>"Today" for the generated data: what is past, upcoming or overdue. Fixed, so two runs make the same
    /// database.</summary>
    public static readonly DateOnly DefaultAsOf = new(2026, 11, 24);

    public int Seed { get; init; } = DefaultSeed;

    public DateOnly AsOf { get; init; } = DefaultAsOf;

    /// <summary>Organizations (85% cities) across all eight regions; by default one for every twenty visits.</summary>
    public int? Organizations { get; init; }
}

internal sealed record GeneratedData(
    string DatabasePath,
    IReadOnlyList<(string Table, int Rows)> Rows,
    TimeSpan Elapsed
);

/// <summary>Makes a fresh portal database, migrated by the portal's own start-up code, and fills it with a
/// Secretariat's worth of history at any volume: cities in every region, visits from 2015 to 2028 in every
/// status with their delegations, hosts, agendas, topics, follow-ups and reports, and membership inquiries
/// in every stage. Rows go in through prepared statements, not EF Core, so 100,000 visits take seconds.</summary>
internal sealed partial class PortalDataGenerator
{
    private static readonly DateOnly FirstVisitDay = new(2015, 1, 1);
    private static readonly DateOnly LastVisitDay = new(2028, 12, 31);
    private const int RowsPerTransaction = 20_000;

    private readonly GeneratorOptions options;
    private readonly IReadOnlyDictionary<Region, int> officeByRegion;
    private readonly Randomizer random;

    /// <summary>Draws for the news releases only, so adding them left every other generated row as it was.</summary>
    private readonly Randomizer releaseRandom;
    private readonly Faker english;
    private readonly Dictionary<string, Faker> fakers = [];
    private readonly DateTime asOfUtc;
    private OrganizationRow[] organizations = [];

    private PortalDataGenerator(GeneratorOptions options, IReadOnlyDictionary<Region, int> officeByRegion)
    {
        this.options = options;
        this.officeByRegion = officeByRegion;
        random = new Randomizer(options.Seed);
        releaseRandom = new Randomizer(options.Seed + 7);
        english = new Faker("en") { Random = new Randomizer(options.Seed + 1) };
        fakers["en"] = english;
        asOfUtc = options.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    public static async Task<GeneratedData> GenerateAsync(GeneratorOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Visits);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Inquiries);
        var started = Stopwatch.GetTimestamp();
        var folder = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "portal.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var offices = await MigrateAsync(connectionString, cancellationToken);

        List<(string, int)> rows;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            // A one-off load into a new file: a rollback journal and no fsync; WAL (what the portal uses) is set back
            // at the end.
            Execute(connection, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
            var generator = new PortalDataGenerator(options, offices);
            using (var bulk = new BulkInsert(connection))
            {
                generator.Write(bulk);
                rows = [.. bulk.Counts];
            }

            Execute(connection, "PRAGMA journal_mode=WAL;");
        }

        return new GeneratedData(path, rows, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The portal's own start-up steps: migrations (and WAL) through <see cref="DatabaseInitializer"/> on a
    /// context configured by <see cref="DatabaseRegistration"/>, then the regional offices every installation
    /// has.</summary>
    private static async Task<IReadOnlyDictionary<Region, int>> MigrateAsync(
        string connectionString,
        CancellationToken cancellationToken
    )
    {
        var databaseOptions = new DatabaseOptions();
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseRegistration.Configure(builder, databaseOptions, connectionString);
        await using var db = new PortalDbContext(builder.Options);
        await new DatabaseInitializer(db, databaseOptions, NullLogger<DatabaseInitializer>.Instance).MigrateAsync(
            cancellationToken
        );
        await RegionalOffices.EnsureAsync(db, cancellationToken);

        var offices = await db
            .RegionalOffices.AsNoTracking()
            .Select(o => new
            {
                o.Id,
                o.Region,
                o.IsSecretariat,
            })
            .ToListAsync(cancellationToken);
        var secretariat = offices.Single(o => o.IsSecretariat).Id;
        return Enum.GetValues<Region>()
            .ToDictionary(
                region => region,
                region => offices.FirstOrDefault(o => o.Region == region && !o.IsSecretariat)?.Id ?? secretariat
            );
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Write(BulkInsert bulk)
    {
        WriteOrganizations(bulk);
        bulk.Commit();
        var followUps = bulk.Into(
            "FollowUps",
            "Id",
            "Description",
            "OwnerName",
            "OwnerUserId",
            "DueOn",
            "Status",
            "VisitId",
            "InquiryId",
            "CreatedAtUtc",
            "ClosedAtUtc",
            "ClosedBy",
            "Version"
        );
        WriteVisits(bulk, followUps);
        bulk.Commit();
        WriteInquiries(bulk, followUps);
    }

    /// <summary>A Bogus faker for a locale, so a Korean city's delegates have Korean names; each seeded from the run's
    /// seed.</summary>
    private Faker Local(string locale)
    {
        if (!fakers.TryGetValue(locale, out var faker))
        {
            faker = new Faker(locale) { Random = new Randomizer(options.Seed + 100 + fakers.Count) };
            fakers[locale] = faker;
        }

        return faker;
    }

    private DateTime Clamp(DateTime value) => value > asOfUtc ? asOfUtc : value;

    private static DateTime Minutes(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    private static (string Name, string Title) Staff(Randomizer random) => random.ArrayElement(Vocabulary.Staff);

    /// <summary>A made-up but stable id for a Secretariat staff member (reports need an author id).</summary>
    private static string StaffId(string name) =>
        "staff-"
        + Array
            .FindIndex(Vocabulary.Staff, s => s.Name == name)
            .ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
}
