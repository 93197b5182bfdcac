using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

/// <summary>The domain tests' visit: Seremban City Council at the Secretariat on 7 October 2024, 10:00-12:00 in
/// Seoul, requested at <paramref name="scheduledAtUtc"/>.</summary>
internal static class Seremban
{
    public static Visit Visit(DateTime scheduledAtUtc, string purpose = "Introduce WeGO and discuss membership") =>
        Visits.Visit.Schedule(
            new Organization("Seremban City Council", "MY", Region.AsiaPacific, OrganizationKind.LocalGovernment),
            purpose,
            "WeGO Secretariat, Seoul",
            new DateOnly(2024, 10, 7),
            new TimeOnly(10, 0),
            new TimeOnly(12, 0),
            VenueTime.Seoul,
            scheduledAtUtc
        );
}
