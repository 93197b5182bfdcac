using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Testing;
using WeGO.Portal.Web;
using WeGO.Portal.Web.Http;

namespace WeGO.Portal.Application.Tests;

/// <summary>Sends requests through the real pipeline as a signed-in colleague: the portal's own
/// <see cref="CurrentUserActor"/> reads them from the request's user, as it does for a page.</summary>
internal static class ActingAs
{
    public static Task<TResponse> SendAsAsync<TResponse>(
        this PortalFactory portal,
        Colleague who,
        ICommand<TResponse> command
    ) => portal.RunAsAsync(who, mediator => mediator.Send(command));

    public static Task<TResponse> SendAsAsync<TResponse>(
        this PortalFactory portal,
        Colleague who,
        IQuery<TResponse> query
    ) => portal.RunAsAsync(who, mediator => mediator.Send(query));

    private static async Task<TResponse> RunAsAsync<TResponse>(
        this PortalFactory portal,
        Colleague who,
        Func<IMediator, ValueTask<TResponse>> send
    )
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(
                new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, who.UserId), new Claim(StaffClaims.DisplayName, who.Name)],
                    authenticationType: "test"
                )
            ),
        };
        if (who.TimeZoneId is { } zone)
        {
            // As the browser reports it (wwwroot/js/site.js).
            accessor.HttpContext.Request.Headers.Cookie = $"{ViewerTime.Cookie}={zone}";
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
}

/// <summary>A signed-in colleague; <paramref name="TimeZoneId"/> is the zone their browser reports (Seoul when
/// null).</summary>
internal sealed record Colleague(string UserId, string Name, string? TimeZoneId = null)
{
    /// <summary>A colleague who reads times in <paramref name="timeZoneId"/>, with no account behind them: enough for
    /// queries.</summary>
    public static Colleague ViewingIn(string timeZoneId) => new("viewer", "Viewer", timeZoneId);
}

/// <summary>The portal with a clock the test sets, so "today" and "overdue" are what the scenario needs.</summary>
internal sealed class ClockedPortal(FixedClock clock) : PortalFactory
{
    public FixedClock Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
