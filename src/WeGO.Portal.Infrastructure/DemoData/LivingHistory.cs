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

        log.LogInformation(
            "Demo year generated around {Today}: {Rows} rows in {Tables} tables",
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            rows.Sum(r => r.Rows),
            rows.Count(r => r.Rows > 0)
        );
    }
}
