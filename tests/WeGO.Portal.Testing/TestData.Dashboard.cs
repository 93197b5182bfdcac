using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Testing;

/// <summary>Member registry lines for the dashboard's counts: any category and status, dated as the test
/// needs.</summary>
public static partial class TestData
{
    /// <summary>The registry line of an organisation of <paramref name="kind"/> that joined on
    /// <paramref name="since"/> in <paramref name="category"/> (a Full member as an Associate first, approved the same
    /// day) and then, on the same day, moved to <paramref name="status"/>; the rules on <see cref="Member"/>
    /// apply.</summary>
    public static Member RegistryMember(
        int organizationId,
        OrganizationKind kind,
        MembershipCategory category,
        DateOnly since,
        MemberStatus status = MemberStatus.Active
    )
    {
        var member = category is MembershipCategory.Full or MembershipCategory.Associate
            ? Member.AssociateOf(organizationId, kind, null, since, "Application accepted")
            : Member.AdmittedByCommittee(organizationId, kind, category, null, since, "Executive Committee");
        if (category == MembershipCategory.Full)
        {
            member.BecomeFull(since, "Executive Committee");
        }

        if (status == MemberStatus.Suspended)
        {
            member.Suspend(since, "Membership dues unpaid");
        }
        else if (status == MemberStatus.Withdrawn)
        {
            member.Withdraw(since, "Left WeGO");
        }

        return member;
    }

    /// <summary>A new organisation of its own in <paramref name="region"/> (of the kind the category is open to) with
    /// its <see cref="RegistryMember"/> line. Returns the organisation's id.</summary>
    public static Task<int> RegistryMemberAsync(
        this PortalFactory portal,
        Region region,
        MembershipCategory category,
        MemberStatus status = MemberStatus.Active,
        DateOnly? since = null
    ) =>
        portal.WithDbAsync(async db =>
        {
            var kind = category switch
            {
                MembershipCategory.Corporate => OrganizationKind.SolutionProvider,
                MembershipCategory.Friendship => OrganizationKind.Institution,
                _ => OrganizationKind.LocalGovernment,
            };
            var organization = db.Organizations.Add(new Organization(DistinctCouncil(), "KR", region, kind)).Entity;
            await db.SaveChangesAsync();
            db.Members.Add(RegistryMember(organization.Id, kind, category, since ?? new DateOnly(2020, 1, 1), status));
            await db.SaveChangesAsync();
            return organization.Id;
        });
}
