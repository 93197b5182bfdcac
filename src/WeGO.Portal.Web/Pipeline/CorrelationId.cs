using System.Text.RegularExpressions;
using Serilog.Context;

namespace WeGO.Portal.Web.Pipeline;

/// <summary>Gives each request an id (the caller's X-Correlation-Id when it is well-formed), puts it on every
/// log event of the request and returns it in the response, so a user's report can be found in the logs.</summary>
public sealed partial class CorrelationId(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = WellFormed().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex WellFormed();
}
