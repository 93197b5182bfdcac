using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WeGO.Portal.Web.Pipeline;

/// <summary>A POST (or any method but GET and HEAD) that none of a page's handlers takes is refused with 405.
/// Razor Pages would otherwise show the page without running any handler: a broken page or a server error.</summary>
public sealed class MethodNotHandled : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next
    )
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.HttpContext.Response.Headers.Allow = string.Join(
                ", ",
                context
                    .ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())
                    .Append(HttpMethods.Get)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
            );
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        await next();
    }
}
