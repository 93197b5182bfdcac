using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WeGO.Portal.Web.Pipeline;

/// <summary>Marks a post whose form token was refused (the page was opened before a sign-in or sign-out, in another
/// session, or the browser kept no cookie), so the error page says that and how to send it again instead of
/// "Something went wrong". The 400 itself stays.</summary>
public sealed class ExpiredForm : IAlwaysRunResultFilter
{
    public const string Key = "wego.expired-form";

    public static bool On(HttpContext context) => context.Items.ContainsKey(Key);

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[Key] = true;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
