using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using WeGO.Portal.Infrastructure;

namespace WeGO.Portal.Web;

internal static class Logging
{
    /// <summary>Structured logs to the console and to a daily rolling JSON file under the data folder.
    /// The "Serilog" configuration section can raise or lower levels.</summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) =>
                logger
                    .MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext()
                    .Enrich.With<Calendar.CalendarFeed.RedactToken>()
                    .Enrich.With<Pipeline.StatusLinks.RedactToken>()
                    .WriteTo.Console(
                        formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                        outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}"
                            + "{NewLine}{Exception}"
                    )
                    .WriteTo.File(
                        new CompactJsonFormatter(),
                        services.GetRequiredService<PortalDataDirectory>().Combine("logs", "portal-.json"),
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: 14
                    ),
            preserveStaticLogger: true
        );
    }
}
