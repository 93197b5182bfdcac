using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Web.Forms;

/// <summary>A page that needs lists or other data to show its form again after a refused post.</summary>
public interface IRedisplayAfterRejection
{
    Task LoadForRedisplayAsync(CancellationToken cancellationToken);
}

/// <summary>Turns a use case's refusal into messages on the same page, keeping what the user typed:
/// validation failures become field errors (keyed like the bound property, e.g. "Input.Email"),
/// a broken business rule or a conflicting edit becomes a message above the form; a use case the visitor may not send
/// answers as a page they may not open does.</summary>
public sealed class UseCaseRejections(IStringLocalizer<Messages> messages) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next
    )
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || executed.HandlerInstance is not PageModel page)
        {
            return;
        }

        switch (executed.Exception)
        {
            // The use case's declaration refuses this visitor though the page let them in: a plain 403 (the error
            // page says access denied), not the redirect a page's policy answers, so a test can tell the doors apart.
            case UseCaseRefusedException:
                executed.ExceptionHandled = true;
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                return;
            // "Visit.NotFound", "Inquiry.NotFound"...: the address names nothing, so there is no form to show again.
            case DomainException missing when IsNotFound(missing):
                executed.ExceptionHandled = true;
                executed.Result = new NotFoundResult();
                return;
            case ValidationException validation:
                foreach (var failure in validation.Errors)
                {
                    page.ModelState.AddModelError(
                        KeyFor(page, (validation as RequestValidationException)?.RequestType, failure.PropertyName),
                        failure.ErrorMessage
                    );
                }

                break;
            case DomainException rule:
                page.ModelState.AddModelError(string.Empty, messages[rule.Code, [.. rule.Arguments.Select(Localized)]]);
                break;
            case DbUpdateConcurrencyException:
                page.ModelState.AddModelError(string.Empty, messages["Concurrency.Conflict"]);
                break;
            default:
                return;
        }

        executed.ExceptionHandled = true;
        executed.Result = new PageResult();
        if (page is IRedisplayAfterRejection redisplay)
        {
            try
            {
                await redisplay.LoadForRedisplayAsync(context.HttpContext.RequestAborted);
            }
            catch (DomainException missing) when (IsNotFound(missing))
            {
                // A refused post to an address that names nothing (the form was refused before the lookup).
                executed.Result = new NotFoundResult();
            }
        }
    }

    private static bool IsNotFound(DomainException rule) => rule.Code.EndsWith(".NotFound", StringComparison.Ordinal);

    /// <summary>An enum argument ("ApplicationSent") in the user's language when Messages has a label for it
    /// ("InquiryStage.ApplicationSent"), so a refusal names things as the page does.</summary>
    private object Localized(object argument) =>
        argument is Enum value && messages[$"{value.GetType().Name}.{value}"] is { ResourceNotFound: false } label
            ? label.Value
            : argument;

    /// <summary>Prefixes a validator's property name with the bound page property that holds the request:
    /// the one of the request's type, else the first that has such a property.</summary>
    private static string KeyFor(PageModel page, Type? requestType, string propertyName)
    {
        var first = propertyName.Split('.', '[')[0];
        var candidates = page.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p =>
                p.GetCustomAttribute<BindPropertyAttribute>() is not null
                && p.PropertyType.GetProperty(first) is not null
            )
            .ToList();
        var bound = candidates.FirstOrDefault(p => p.PropertyType == requestType) ?? candidates.FirstOrDefault();
        return bound is null ? propertyName : $"{bound.Name}.{propertyName}";
    }
}
