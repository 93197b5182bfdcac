using System.Data.Common;
using Bogus;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Infrastructure.DemoData.Generation;

/// <summary>How much history to make and where "today" is. The defaults are the benchmarks': fixed dates from 2015
/// to 2028, so two runs make the same database whatever day they run on.</summary>
public sealed record GeneratorOptions(int Visits, int Inquiries)
{
    public const int DefaultSeed = 20241007;

    /// <summary>"Today" for the generated data: what is past, upcoming or overdue.</summary>
    public static readonly DateOnly DefaultAsOf = new(2026, 11, 24);

    public int Seed { get; init; } = DefaultSeed;

    public DateOnly AsOf { get; init; } = DefaultAsOf;

    /// <summary>Organizations (85% cities) across all eight regions; by default one for every twenty visits.</summary>
    public int? Organizations { get; init; }

    /// <summary>The first and last day a generated visit may fall on.</summary>
    public DateOnly VisitsFrom { get; init; } = new(2015, 1, 1);

    public DateOnly VisitsUntil { get; init; } = new(2028, 12, 31);

    /// <summary>The first day a generated inquiry may arrive; the last is <see cref="AsOf"/>.</summary>
    public DateOnly InquiriesFrom { get; init; } = new(2015, 1, 1);
}

/// <summary>Writes a Secretariat's worth of history at any volume into a migrated SQLite or PostgreSQL database:
/// cities in every region, visits in every status with their delegations, hosts, agendas, topics, follow-ups, reports
/// and releases, and membership inquiries in every stage. Rows go in through prepared statements, not EF Core, so
/// 100,000 visits take seconds. The benchmarks fill a whole file with it (bench/WeGO.Portal.Bench); the demo writes
/// a small secretariat with it, relative to the day it is created (<see cref="DemoData.LivingHistory"/>). The same
/// options and seed make the same rows.</summary>
public sealed partial class PortalDataGenerator
{
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

    /// <summary>Writes the history through <paramref name="connection"/> (SQLite or PostgreSQL): inside
    /// <paramref name="transaction"/> when given (the caller commits or rolls back everything), else in transactions
    /// of its own. The tables it fills must be empty; their ids start at 1. Returns the rows written per
    /// table. <paramref name="rowsPerStatement"/> above 1 writes that many rows an INSERT, for a server engine with
    /// foreign keys off for the session (<see cref="BulkInsert"/>).</summary>
    public static IReadOnlyList<(string Table, int Rows)> Write(
        DbConnection connection,
        DbTransaction? transaction,
        GeneratorOptions options,
        IReadOnlyDictionary<Region, int> officeByRegion,
        int rowsPerStatement = 1
    )
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Visits);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Inquiries);
        IReadOnlyList<(string Table, int Rows)> counts;
        using (var bulk = new BulkInsert(connection, transaction, rowsPerStatement))
        {
            new PortalDataGenerator(options, officeByRegion).Write(bulk);
            counts = [.. bulk.Counts];
        }

        if (connection is Npgsql.NpgsqlConnection)
        {
            IdentitiesAfterTheHighestId(connection, transaction);
        }

        return counts;
    }

    /// <summary>The generator writes ids itself, which leaves PostgreSQL's identity sequences at their start: each
    /// one moves past its table's highest id, so the next row EF Core adds (Seremban's, a user's) gets a free
    /// one.</summary>
    private static void IdentitiesAfterTheHighestId(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DO $$
            DECLARE identity record;
            BEGIN
              FOR identity IN
                SELECT table_name, column_name FROM information_schema.columns
                WHERE is_identity = 'YES' AND table_schema = current_schema()
              LOOP
                EXECUTE format(
                  'SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE((SELECT MAX(%I) FROM %I), 0) + 1, false)',
                  quote_ident(identity.table_name), identity.column_name, identity.column_name, identity.table_name);
              END LOOP;
            END $$
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The regional office each region's visits and inquiries go to: its own, else the Secretariat.</summary>
    public static async Task<IReadOnlyDictionary<Region, int>> OfficesByRegionAsync(
        PortalDbContext db,
        CancellationToken cancellationToken
    )
    {
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
