using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Web.Identity;

/// <summary>Ties every sign-in cookie to a server-side session (<see cref="StaffSession"/>): signing in records one and
/// puts its id in the cookie, every request checks it is still open (<see cref="OpenSessions"/>), signing out ends it.
/// A cookie whose session has ended, or that names none, is treated as signed out. Identity's own security-stamp check
/// still runs after ours, when it is due (<see cref="StampCheckDue"/>). See docs/decisions/0013-server-side-sessions.md
/// and 0055.</summary>
public sealed class SessionCookie(
    OpenSessions sessions,
    IOptions<IdentityOptions> identity,
    IOptions<SecurityStampValidatorOptions> stampCheck
) : CookieAuthenticationEvents
{
    public const string SessionClaim = "portal:session";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (
            context.Principal?.Identity is ClaimsIdentity signedIn
            && signedIn.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } userId
        )
        {
            var http = context.HttpContext;
            var db = http.RequestServices.GetRequiredService<PortalDbContext>();
            if (http.User.FindFirst(SessionClaim)?.Value is { } replaced)
            {
                // Signing in again in the same browser (after a new password): the new session replaces the old one.
                await sessions.EndAsync(db, replaced, http.RequestAborted);
            }

            var id = await sessions.StartAsync(
                db,
                userId,
                signedIn.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value ?? "",
                http.Request.Headers.UserAgent.ToString(),
                http.RequestAborted
            );
            foreach (var stale in signedIn.FindAll(SessionClaim).ToList())
            {
                signedIn.RemoveClaim(stale);
            }

            signedIn.AddClaim(new Claim(SessionClaim, id));
        }

        await base.SigningIn(context);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirst(SessionClaim)?.Value is { } id)
        {
            await sessions.EndAsync(
                context.HttpContext.RequestServices.GetRequiredService<PortalDbContext>(),
                id,
                context.HttpContext.RequestAborted
            );
        }

        await base.SigningOut(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        if (
            context.Principal?.FindFirst(SessionClaim)?.Value is not { } id
            || !await sessions.IsOpenAsync(
                id,
                () => http.RequestServices.GetRequiredService<PortalDbContext>(),
                http.RequestAborted
            )
        )
        {
            // Refused, not deleted: a response that deletes the cookie can reach the browser after a newer response
            // that gave it a new session's cookie (a password or two-factor change while another request is in
            // flight), and would sign that new session out. The old cookie names a closed session and stays useless.
            context.RejectPrincipal();
            return;
        }

        if (StampCheckDue(context))
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    /// <summary>Whether Identity's security-stamp check would compare the stamp on this request: when the cookie was
    /// issued longer ago than <see cref="SecurityStampValidatorOptions.ValidationInterval"/>, by the same clock, or has
    /// no issue time. Between those times the check does nothing, but resolving it builds the whole sign-in manager
    /// (user manager, user store, validators) for every request: 3% of a visit page's CPU.</summary>
    private bool StampCheckDue(CookieValidatePrincipalContext context)
    {
        var options = stampCheck.Value;
        return context.Properties.IssuedUtc is not { } issued
            || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
    }

    /// <summary>Identity's security-stamp check re-issues the cookie from a fresh principal now and then
    /// (<see cref="SecurityStampValidatorOptions.ValidationInterval"/>): it stays the same session, signed in the same
    /// way (a single sign-on keeps its <see cref="ClaimTypes.AuthenticationMethod"/> and <c>amr</c>, which exempt it
    /// from the portal's own password and two-factor gates).</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal is not { } current || context.NewPrincipal?.Identity is not ClaimsIdentity renewed)
        {
            return Task.CompletedTask;
        }

        foreach (var kept in current.Claims.Where(c => KeptOnRefresh.Contains(c.Type)).ToList())
        {
            if (!renewed.HasClaim(kept.Type, kept.Value))
            {
                renewed.AddClaim(new Claim(kept.Type, kept.Value));
            }
        }

        return Task.CompletedTask;
    }

    private static readonly string[] KeptOnRefresh = [SessionClaim, ClaimTypes.AuthenticationMethod, "amr"];
}
