namespace WeGO.Portal.Domain.Membership;

/// <summary>WeGO's flagship programmes an inquirer can tick.</summary>
[Flags]
#pragma warning disable CA1711 // "Interest" is the Secretariat's word; the enum is flags by nature.
public enum MembershipInterest
#pragma warning restore CA1711
{
    None = 0,
    CapacityBuilding = 1,
    FeasibilityStudies = 2,
    SeoulSmartCityPrize = 4,
    SmartCityChampions = 8,
}
