using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

/// <summary>Which day it is for the Secretariat, in Seoul where it works: for dates it records on its own account (a
/// member's start date, how far ahead a due date may be). Lists use the viewer's days (<see
/// cref="LocalDays"/>).</summary>
public static class SecretariatCalendar
{
    public static DateOnly Today(TimeProvider clock) => LocalDays.Today(clock, VenueTime.Seoul);
}
