using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

/// <summary>Who is acting in this request, for the audit trail: a signed-in staff user, or the system.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string Name { get; }

    /// <summary>The time zone the actor reads times in (an IANA id). Lists filter and group by days in it, so a row
    /// shown on 6 April is found by filtering on 6 April (see <see cref="LocalDays"/>).</summary>
    string TimeZoneId { get; }
}

public sealed class SystemActor : ICurrentActor
{
    public string? UserId => null;

    public string Name => "system";

    public string TimeZoneId => VenueTime.Seoul;
}
