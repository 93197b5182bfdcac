namespace WeGO.Portal.Web.Pipeline;

/// <summary>Headers every response carries: a content security policy with no inline script (or the stricter one an
/// endpoint set),
/// no framing, no MIME sniffing, and a referrer that never leaks a private status link.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A stricter policy an endpoint set for itself stays (an applicant's document: sandboxed, nothing loads).
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.TryAdd("Referrer-Policy", "same-origin"); // pages with a private link in their address send none
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
