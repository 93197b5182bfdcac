using System.Security.Claims;
using Mediator;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Web.Calendar;

/// <summary>The staff calendar feed at /calendar/feed/{token}.ics: anonymous, because calendar apps send no
/// cookie; the token in the address says whose feed it is (<see cref="CalendarFeedTokens"/>).</summary>
internal static class CalendarFeed
{
    private const string Prefix = "/calendar/feed/";

    public static string PathFor(string token) => Prefix + token + ".ics";

    /// <summary>The portal's own address as the request reached it, for links that leave the browser.</summary>
    public static Uri PortalRoot(this HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute);

    /// <summary>Keeps feed tokens out of the logs: a feed address is a credential, and every event logged during
    /// a request carries its path (the request log's own and ASP.NET Core's request scope).</summary>
    internal sealed class RedactToken : ILogEventEnricher
    {
        private static readonly LogEventProperty Redacted = new("RequestPath", new ScalarValue(Prefix + "***.ics"));

        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (
                logEvent.Properties.TryGetValue("RequestPath", out var path)
                && path is ScalarValue { Value: string value }
                && value.Contains(Prefix, StringComparison.OrdinalIgnoreCase)
            )
            {
                logEvent.AddOrUpdateProperty(Redacted);
            }
        }
    }

    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet(
                Prefix + "{token}.ics",
                async (
                    string token,
                    HttpContext http,
                    CalendarFeedTokens tokens,
                    IMediator mediator,
                    IDiagnosticContext diagnostics,
                    CancellationToken cancellationToken
                ) =>
                {
                    var user = await tokens.ReadAsync(token);
                    if (user is null)
                    {
                        return Results.NotFound();
                    }

                    // The feed's owner is the actor: the use case checks their roles, as a page's would.
                    http.User = user;
                    diagnostics.Set("FeedUserId", user.FindFirstValue(ClaimTypes.NameIdentifier));
                    var ics = await mediator.Send(
                        new ExportVisitFeed.Query(http.Request.PortalRoot()),
                        cancellationToken
                    );
                    http.Response.Headers.CacheControl = "private, no-cache";
                    http.Response.Headers["X-Robots-Tag"] = "noindex";
                    return Results.Text(ics, ExportVisitCalendar.ContentType);
                }
            )
            .AllowAnonymous()
            .WithName("CalendarFeed");
}
