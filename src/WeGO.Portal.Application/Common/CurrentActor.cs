using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

/// <summary>Who is acting in this request, for the audit trail and for what they may send
/// (<see cref="UseCaseAccess"/>): a signed-in staff user, an anonymous visitor, or the system.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string Name { get; }

    /// <summary>The time zone the actor reads times in (an IANA id). Lists filter and group by days in it, so a row
    /// shown on 6 April is found by filtering on 6 April (see <see cref="LocalDays"/>).</summary>
    string TimeZoneId { get; }

    /// <summary>Background work begun with <see cref="SystemWork.CreateSystemScope"/>, not a person.</summary>
    bool IsSystem { get; }

    bool IsInRole(string role);
}

public sealed class SystemActor : ICurrentActor
{
    public string? UserId => null;

    public string Name => "system";

    public string TimeZoneId => VenueTime.Seoul;

    public bool IsSystem => true;

    public bool IsInRole(string role) => false;
}

/// <summary>The one way for work outside any request (a background service) to act as the system: in a scope begun
/// here the actor is the system, which may send the use cases declared <see cref="ForTheSystemAttribute"/> and the
/// public ones, and nothing a user's role opens. A scope begun otherwise, with no signed-in user, is no one.</summary>
public sealed class SystemWork
{
    public bool InProgress { get; private set; }

    public static AsyncServiceScope CreateSystemScope(IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SystemWork>().InProgress = true;
        return scope;
    }
}
