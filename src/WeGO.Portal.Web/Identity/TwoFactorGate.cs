using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Identity;

/// <summary>An administrator who signed in with a password and has no second factor can open nothing but the
/// authenticator's enrolment (and sign-out, the password change, errors and the language switch) until they have one,
/// while the installation requires it (<see cref="TwoFactorSettings.RequiredForAdministrators"/>). A single sign-on
/// (<see cref="SingleSignOn.CameThroughProvider"/>) is exempt: the organisation's provider asks for its own second
/// factor.</summary>
public sealed class TwoFactorGate(IOptions<TwoFactorSettings> settings) : IAsyncPageFilter
{
    public const string EnrolmentPage = "/Account/TwoFactor";

    private static readonly string[] Allowed =
    [
        EnrolmentPage,
        "/Account/SignOut",
        "/Account/ChangePassword",
        "/Error",
        "/Culture",
    ];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next
    )
    {
        if (MustEnrol(context.HttpContext.User) && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult(EnrolmentPage);
            return;
        }

        await next();
    }

    private bool MustEnrol(ClaimsPrincipal user) =>
        settings.Value.RequiredForAdministrators
        && user.Identity?.IsAuthenticated == true
        && user.IsInRole(Roles.Administrator)
        && !user.HasClaim(c => c.Type == StaffClaims.TwoFactor)
        && !SingleSignOn.CameThroughProvider(user);
}
