using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Infrastructure.DemoData.Generation;

namespace WeGO.Portal.Infrastructure.DemoData;

/// <summary>The demo's working year: the benchmarks' generator at a small size, with its fixed seed, around the day
/// the demo is created. A year of past visits and four months of upcoming ones across the regions, with their
/// rosters, agendas, follow-ups (some overdue), reports in every review state and published releases, and a year of
/// membership inquiries in every stage. The same day makes the same rows.</summary>
public static class LivingHistory
{
    public const int Visits = 90;
    public const int Inquiries = 45;
    public const int Organizations = 40;

    public static GeneratorOptions Options(DateOnly today) =>
        new(Visits, Inquiries)
        {
            Organizations = Organizations,
            AsOf = today,
            VisitsFrom = today.AddYears(-1),
            VisitsUntil = today.AddMonths(4),
            InquiriesFrom = today.AddYears(-1),
        };

    /// <summary>Writes the year inside the demo's transaction, on a database that holds no organisation, visit or
    /// inquiry yet, on SQLite or PostgreSQL. The generator writes explicit ids, which SQL Server's identity columns
    /// refuse outside IDENTITY_INSERT, so on SQL Server the demo is the seed's story alone.</summary>
    public static async Task WriteAsync(
        IServiceProvider services,
        PortalDbContext db,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LivingHistory));
        if (db.Database.IsSqlServer())
        {
            log.LogInformation("The demo's generated year is not written on SQL Server; this database gets the seed's");
            return;
        }

        if (
            await db.Organizations.AnyAsync(cancellationToken)
            || await db.Visits.AnyAsync(cancellationToken)
            || await db.MembershipInquiries.AnyAsync(cancellationToken)
        )
        {
            log.LogInformation("The database holds organisations, visits or inquiries: no generated year is added");
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The demo's year is written inside the demo's transaction.");
        var offices = await PortalDataGenerator.OfficesByRegionAsync(db, cancellationToken);
        var rows = PortalDataGenerator.Write(db.Database.GetDbConnection(), transaction, Options(today), offices);
        if (db.Database.IsNpgsql())
        {
            await IdentitiesAfterTheHighestIdAsync(db, cancellationToken);
        }

        log.LogInformation(
            "Demo year generated around {Today}: {Rows} rows in {Tables} tables",
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            rows.Sum(r => r.Rows),
            rows.Count(r => r.Rows > 0)
        );
    }

    /// <summary>The generator wrote ids itself, which leaves PostgreSQL's identity sequences at their start: each one
    /// moves past its table's highest id, so the next row EF Core adds (Seremban's, a user's) gets a free one.</summary>
    private static Task<int> IdentitiesAfterTheHighestIdAsync(
        PortalDbContext db,
        CancellationToken cancellationToken
    ) =>
        db.Database.ExecuteSqlRawAsync(
            """
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
            """,
            cancellationToken
        );
}
