using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using WeGO.Portal.Infrastructure;

namespace WeGO.Portal.Web;

internal static class Logging
{
    /// <summary>Requests slower than this are logged as warnings (<c>Portal:Logging:SlowRequestMilliseconds</c>).
    /// </summary>
    public const int DefaultSlowRequestMilliseconds = 500;

    /// <summary>The level of a request's log line. What an operator needs stays at Information or above: pages, form
    /// posts, refusals, errors (Error) and slow requests (Warning). Health probes and static files, nine lines in ten
    /// under load, go to Verbose, below the default level: raise the level to see them.</summary>
    public static LogEventLevel RequestLevel(
        HttpContext http,
        double elapsedMilliseconds,
        Exception? exception,
        int slow
    )
    {
        if (exception is not null || http.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        if (elapsedMilliseconds > slow)
        {
            return LogEventLevel.Warning;
        }

        // A static file is answered before routing, so it has no endpoint; every page and form post has one.
        var staticFile =
            http.GetEndpoint() is null
            && http.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        var probe = http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
        return staticFile || probe ? LogEventLevel.Verbose : LogEventLevel.Information;
    }

    /// <summary>Structured logs to the console and to a daily rolling JSON file under the data folder, deleted after
    /// <c>Portal:Logging:RetentionDays</c>.
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
                    // Behind a queue: a request hands its line over and goes on, and one thread writes to the
                    // console and the file. Writing in the request took a lock every request waited on under load
                    // (docs/decisions/0044). A full queue makes requests wait rather than drop a line.
                    .WriteTo.Async(
                        sinks =>
                            sinks
                                .Console(
                                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}"
                                        + "{NewLine}{Exception}"
                                )
                                .WriteTo.File(
                                    new CompactJsonFormatter(),
                                    services.GetRequiredService<PortalDataDirectory>().Combine("logs", "portal-.json"),
                                    rollingInterval: RollingInterval.Day,
                                    // Portal:Logging:RetentionDays decides how long a file stays
                                    // (DataFolderRetention), not a count.
                                    retainedFileCountLimit: null
                                ),
                        bufferSize: 10_000,
                        blockWhenFull: true
                    ),
            preserveStaticLogger: true
        );
    }
}
