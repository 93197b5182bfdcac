using Serilog.Core;
using Serilog.Events;

namespace WeGO.Portal.Web.Pipeline;

/// <summary>A private link (<c>/Membership/Status/{token}</c>, <c>/VisitRequests/Status/{token}</c>, their Sent pages
/// and short addresses, the delegation page's <c>/delegation/{token}</c>) is a password in an address: its pages tell
/// browsers not to pass it on as a referrer or index it, and request logs never record the token, nor the token of a
/// link sent before the pages moved (<see cref="OldAddresses"/>).</summary>
public static class StatusLinks
{
    private static readonly string[] Prefixes =
    [
        "/Membership/Status/",
        "/Membership/Sent/",
        "/inquiry/",
        "/join/sent/",
        "/delegation/",
        "/VisitRequests/Status/",
        "/VisitRequests/Sent/",
        "/visit/status/",
        "/visit/sent/",
    ];

    public static void KeepPrivate(HttpResponse response)
    {
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex";
        response.Headers.CacheControl = "no-store";
    }

    internal sealed class RedactToken : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (
                logEvent.Properties.TryGetValue("RequestPath", out var path)
                && path is ScalarValue { Value: string value }
            )
            {
                foreach (var prefix in Prefixes)
                {
                    if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && value.Length > prefix.Length)
                    {
                        logEvent.AddOrUpdateProperty(
                            new LogEventProperty("RequestPath", new ScalarValue(prefix + "***"))
                        );
                        return;
                    }
                }
            }
        }
    }
}
