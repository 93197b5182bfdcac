using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

/// <summary>Which day it is for the Secretariat: due dates and "overdue" are counted in Seoul, where it works.</summary>
public static class SecretariatCalendar
{
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(VenueTime.ToLocal(clock.GetUtcNow().UtcDateTime, VenueTime.Seoul));
}
