using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WeGO.Portal.Web.Pages;

/// <summary>The friendly page for faults and for unknown addresses; the reference lets an operator find the request in
/// the logs.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    public int ErrorStatus { get; private set; }

    /// <summary>The fault was the database not answering (locked, busy, unreachable), not a bug.</summary>
    public bool DatabaseUnavailable { get; private set; }

    /// <summary>A post whose form token was refused (<see cref="Pipeline.ExpiredForm"/>).</summary>
    public bool FormExpired { get; private set; }

    /// <summary>Where the refused form was, to open it again.</summary>
    public string? FormPath { get; private set; }

    /// <summary>The heading, which is also the page's title: what the page says, never "Something went wrong" for a
    /// missing page.</summary>
    public string TitleKey =>
        FormExpired ? "Error.FormExpiredTitle"
        : ErrorStatus == 404 ? "Error.NotFoundTitle"
        : ErrorStatus == 403 ? "AccessDenied.Title"
        : DatabaseUnavailable ? "Error.DatabaseTitle"
        : ErrorStatus == 429 ? "Join.TooManyTitle"
        : "Error.Title";

    /// <summary>For 429: how long the rate limiter asked the client to wait.</summary>
    public int RetryAfterMinutes => HttpContext.Items[Pipeline.PublicFormRateLimit.RetryAfterMinutesKey] as int? ?? 10;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = HttpContext.TraceIdentifier;
        // The re-execute feature first: when a POST's form cannot be read (it holds a NUL character), binding
        // "code" fails too, and the 400 would show as a 500.
        ErrorStatus = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? code ?? 500;
        var fault = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        DatabaseUnavailable = code is null && IsDatabaseFault(fault);
        if (DatabaseUnavailable)
        {
            ErrorStatus = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
        }

        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        FormExpired = ErrorStatus == StatusCodes.Status400BadRequest && Pipeline.ExpiredForm.On(HttpContext);
        FormPath =
            FormExpired && reExecuted is not null ? reExecuted.OriginalPath + reExecuted.OriginalQueryString : null;
        Response.StatusCode = ErrorStatus;
    }

    private static bool IsDatabaseFault(Exception? fault)
    {
        for (var e = fault; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
