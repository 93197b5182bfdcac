using Mediator;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Testing;
using WeGO.Portal.Web;

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

    private static Task<TResponse> RunAsAsync<TResponse>(
        this PortalFactory portal,
        Colleague who,
        Func<IMediator, ValueTask<TResponse>> send
    ) =>
        portal.RunAsAsync(
            PortalFactoryExtensions.SignedIn(who.UserId, who.Name, who.Roles ?? Roles.All),
            who.TimeZoneId,
            send
        );
}

/// <summary>A signed-in colleague; <paramref name="TimeZoneId"/> is their profile's zone (Seoul when
/// null); <paramref name="Roles"/> are every staff role when null.</summary>
internal sealed record Colleague(
    string UserId,
    string Name,
    string? TimeZoneId = null,
    IReadOnlyList<string>? Roles = null
)
{
    /// <summary>A colleague who reads times in <paramref name="timeZoneId"/>, with no account behind them: enough for
    /// queries.</summary>
    public static Colleague ViewingIn(string timeZoneId) => new("viewer", "Viewer", timeZoneId);
}
