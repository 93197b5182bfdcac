using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WeGO.Portal.Web.Identity;

/// <summary>A user signed in with a one-time password can open nothing but the password change
/// (and sign-out) until they have chosen their own. A sign-in through the organisation's provider
/// (<see cref="SingleSignOn.CameThroughProvider"/>) used no password.</summary>
public sealed class PasswordChangeGate : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Account/ChangePassword", "/Account/SignOut", "/Error", "/Culture"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next
    )
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (
            user.Identity?.IsAuthenticated == true
            && user.HasClaim(StaffClaims.MustChangePassword, "true")
            && !SingleSignOn.CameThroughProvider(user)
            && !Allowed.Contains(page, StringComparer.OrdinalIgnoreCase)
        )
        {
            context.Result = new RedirectToPageResult("/Account/ChangePassword");
            return;
        }

        await next();
    }
}
