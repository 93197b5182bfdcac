using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Membership;

/// <summary>WeGO's four kinds of member.</summary>
public enum MembershipCategory
{
    /// <summary>A city or local government whose application the Executive Committee approved.</summary>
    Full = 1,

    /// <summary>
    /// A city whose signed application the Secretariat accepted, waiting for the Executive Committee.
    /// </summary>
    Associate = 2,

    /// <summary>A regional association of local governments or a government agency, confirmed by the Executive
    /// Committee.</summary>
    Friendship = 3,

    /// <summary>A private company working on smart cities, e-government or ICT.</summary>
    Corporate = 4,
}

/// <summary>Which organisation may hold which category, and who admits it.</summary>
public static class MembershipCategories
{
    /// <summary>The category an organisation of this kind applies for: a city applies to become a Full member (it is
    /// an Associate member on the way), a company a Corporate member, any other body a Friendship member.</summary>
    public static MembershipCategory AppliedForBy(OrganizationKind kind) =>
        kind switch
        {
            OrganizationKind.LocalGovernment => MembershipCategory.Full,
            OrganizationKind.SolutionProvider => MembershipCategory.Corporate,
            _ => MembershipCategory.Friendship,
        };

    /// <summary>Whether an organisation of this kind may ever hold the category.</summary>
    public static bool IsOpenTo(MembershipCategory category, OrganizationKind kind) =>
        category switch
        {
            MembershipCategory.Full or MembershipCategory.Associate => kind == OrganizationKind.LocalGovernment,
            MembershipCategory.Corporate => kind == OrganizationKind.SolutionProvider,
            MembershipCategory.Friendship => kind is OrganizationKind.Institution or OrganizationKind.Other,
            _ => false,
        };
}
