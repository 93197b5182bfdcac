using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Web;
using WeGO.Portal.Web.Identity;

namespace WeGO.Portal.Testing;

public static class PortalFactoryExtensions
{
    /// <summary>Who <see cref="SendAsync{TResponse}(PortalFactory, ICommand{TResponse})"/> acts as: a colleague
    /// holding every staff role, so a test of what a use case does is not a test of who may send it.</summary>
    public const string AnyStaffName = "Any Staff";

    /// <summary>Sends a command through the real mediator pipeline (logging, authorization, validation, unit of work)
    /// in its own scope, as a page would, signed in as <see cref="AnyStaffName"/>.</summary>
    public static Task<TResponse> SendAsync<TResponse>(this PortalFactory portal, ICommand<TResponse> command) =>
        portal.RunAsAsync(AnyStaff, null, mediator => mediator.Send(command));

    public static Task<TResponse> SendAsync<TResponse>(this PortalFactory portal, IQuery<TResponse> query) =>
        portal.RunAsAsync(AnyStaff, null, mediator => mediator.Send(query));

    /// <summary>Who <see cref="SendAsDirectorAsync{TResponse}"/> acts as: a program director who wrote nothing, as a
    /// report's approval needs (its author may not approve it).</summary>
    public const string AnyDirectorName = "Any Director";

    public static Task<TResponse> SendAsDirectorAsync<TResponse>(
        this PortalFactory portal,
        ICommand<TResponse> command
    ) => portal.RunAsAsync(AnyDirector, null, mediator => mediator.Send(command));

    /// <summary>A signed-in user, as the cookie would make them: id, display name and roles.</summary>
    public static ClaimsPrincipal SignedIn(string userId, string name, IEnumerable<string> roles) =>
        new(
            new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, userId),
                    new Claim(StaffClaims.DisplayName, name),
                    .. roles.Select(role => new Claim(ClaimTypes.Role, role)),
                ],
                authenticationType: "test"
            )
        );

    /// <summary>Sends through the real pipeline in a scope of its own, as <paramref name="user"/> (nobody when null),
    /// whose profile's zone is <paramref name="timeZoneId"/>: the portal's own actor reads them from the request, as it
    /// does for a page.</summary>
    public static async Task<TResponse> RunAsAsync<TResponse>(
        this PortalFactory portal,
        ClaimsPrincipal? user,
        string? timeZoneId,
        Func<IMediator, ValueTask<TResponse>> send
    )
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (user is not null)
        {
            accessor.HttpContext.User = user;
        }

        if (timeZoneId is not null && user?.Identity is ClaimsIdentity identity)
        {
            // As the sign-in cookie carries the zone of the staff member's profile.
            identity.AddClaim(new Claim(StaffClaims.TimeZone, timeZoneId));
        }

        try
        {
            return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    /// <summary>Sends as background work does: in a scope begun as the system
    /// (<see cref="SystemWork.CreateSystemScope"/>).</summary>
    public static async Task<TResponse> RunAsSystemAsync<TResponse>(
        this PortalFactory portal,
        Func<IMediator, ValueTask<TResponse>> send
    )
    {
        await using var scope = SystemWork.CreateSystemScope(
            portal.Services.GetRequiredService<IServiceScopeFactory>()
        );
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    /// <summary>Reads or writes the database directly, in a scope of its own.</summary>
    public static async Task<T> WithDbAsync<T>(this PortalFactory portal, Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static ClaimsPrincipal AnyStaff => SignedIn("any-staff", AnyStaffName, Roles.All);

    private static ClaimsPrincipal AnyDirector => SignedIn("any-director", AnyDirectorName, [Roles.ProgramDirector]);
}
