using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Infrastructure.Database;

/// <summary>Ready means the database answers a real read within a few seconds. Opening a connection is not
/// enough: a SQLite file locked by another process opens fine and then refuses every query.</summary>
internal sealed class DatabaseReadiness(PortalDbContext db) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        db.Database.SetCommandTimeout(Patience);
        try
        {
            await db.Organizations.AsNoTracking().Select(o => o.Id).FirstOrDefaultAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to read means "not ready"; the reason goes to the health report.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database did not answer a read.", exception);
        }
    }
}
