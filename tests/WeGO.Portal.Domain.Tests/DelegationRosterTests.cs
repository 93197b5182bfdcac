using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

public sealed class DelegationRosterTests
{
    private static readonly DateTime Now = new(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static int nextId = 100;

    private static Visit SerembanVisit()
    {
        var visit = Seremban.Visit(Now);
        visit.NameHeadOfDelegation("Lee Kai Yet", "Councillor, Seremban City Council");
        visit.ExpectHeadcount(36);
        return visit;
    }

    /// <summary>Adds a member and gives it an id, as the database does when the visit is saved.</summary>
    private static DelegationMember Add(Visit visit, string name, DelegationRole role, string? title = null)
    {
        var member = visit.AddDelegationMember(name, title, "Seremban City Council", role);
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(member, Interlocked.Increment(ref nextId));
        return member;
    }

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void Editing_a_member_changes_every_detail()
    {
        var visit = SerembanVisit();
        var member = Add(visit, "Aminah Yusof", DelegationRole.Delegate);

        visit.EditDelegationMember(
            member.Id,
            "  Aminah binti Yusof ",
            "Town planner",
            "Seremban Planning Department",
            DelegationRole.Interpreter,
            "aminah@mbs.gov.my",
            "Halal",
            "Wheelchair access"
        );

        Assert.Equal("Aminah binti Yusof", member.FullName);
        Assert.Equal("Town planner", member.Title);
        Assert.Equal("Seremban Planning Department", member.Organization);
        Assert.Equal(DelegationRole.Interpreter, member.Role);
        Assert.Equal("aminah@mbs.gov.my", member.Email);
        Assert.Equal("Halal", member.DietaryNeeds);
        Assert.Equal("Wheelchair access", member.AccessibilityNeeds);
    }

    [Fact]
    public void A_second_head_of_delegation_is_refused_when_editing()
    {
        var visit = SerembanVisit();
        Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation, "Councillor");
        var other = Add(visit, "Aminah Yusof", DelegationRole.Delegate);

        Assert.Equal(
            "Delegation.HeadAlreadyOnRoster",
            CodeOf(() =>
                visit.EditDelegationMember(
                    other.Id,
                    "Aminah Yusof",
                    null,
                    null,
                    DelegationRole.HeadOfDelegation,
                    null,
                    null,
                    null
                )
            )
        );
        Assert.Equal(DelegationRole.Delegate, other.Role);
        Assert.Equal("Lee Kai Yet", visit.Delegation.HeadOfDelegation);
    }

    [Fact]
    public void The_head_can_edit_their_own_details_and_the_delegation_head_follows()
    {
        var visit = SerembanVisit();
        var head = Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation, "Councillor");

        visit.EditDelegationMember(
            head.Id,
            "Lee Kai Yet, JP",
            "Senior Councillor",
            "Seremban City Council",
            DelegationRole.HeadOfDelegation,
            null,
            null,
            null
        );

        Assert.Equal("Lee Kai Yet, JP", visit.Delegation.HeadOfDelegation);
        Assert.Equal("Senior Councillor", visit.Delegation.HeadOfDelegationTitle);
    }

    [Fact]
    public void Making_a_delegate_the_head_names_them_head_of_the_delegation()
    {
        var visit = SerembanVisit();
        var member = Add(visit, "Aminah Yusof", DelegationRole.Delegate, "Deputy Mayor");

        visit.EditDelegationMember(
            member.Id,
            "Aminah Yusof",
            "Deputy Mayor",
            null,
            DelegationRole.HeadOfDelegation,
            null,
            null,
            null
        );

        Assert.Equal("Aminah Yusof", visit.Delegation.HeadOfDelegation);
        Assert.Equal("Deputy Mayor", visit.Delegation.HeadOfDelegationTitle);
    }

    [Fact]
    public void Without_a_head_on_the_roster_the_announced_head_stays()
    {
        var visit = SerembanVisit();
        var head = Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation, "Councillor");
        Add(visit, "Aminah Yusof", DelegationRole.Delegate);

        visit.RemoveDelegationMember(head.Id);

        Assert.Equal("Lee Kai Yet", visit.Delegation.HeadOfDelegation);
        Assert.Single(visit.Delegation.Members);
    }

    [Fact]
    public void Headcount_follows_the_roster_as_members_come_and_go()
    {
        var visit = SerembanVisit();
        var first = Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation);
        Add(visit, "Aminah Yusof", DelegationRole.Delegate);
        Assert.Equal(2, visit.Delegation.Headcount);

        visit.RemoveDelegationMember(first.Id);

        Assert.Equal(1, visit.Delegation.Headcount);
    }

    [Fact]
    public void A_refused_edit_leaves_the_member_as_it_was()
    {
        var visit = SerembanVisit();
        var member = Add(visit, "Aminah Yusof", DelegationRole.Delegate, "Town planner");

        Assert.Equal(
            "Domain.TooLong",
            CodeOf(() =>
                visit.EditDelegationMember(
                    member.Id,
                    "Someone Else",
                    "Mayor",
                    null,
                    DelegationRole.Delegate,
                    new string('a', 321),
                    null,
                    null
                )
            )
        );
        Assert.Equal(
            "Delegation.MemberNameRequired",
            CodeOf(() =>
                visit.EditDelegationMember(member.Id, "  ", "Mayor", null, DelegationRole.Delegate, null, null, null)
            )
        );
        Assert.Equal(
            "Delegation.RoleUnknown",
            CodeOf(() =>
                visit.EditDelegationMember(member.Id, "Someone Else", null, null, (DelegationRole)99, null, null, null)
            )
        );

        Assert.Equal("Aminah Yusof", member.FullName);
        Assert.Equal("Town planner", member.Title);
    }

    [Fact]
    public void Editing_a_member_who_is_not_on_the_roster_is_refused()
    {
        var visit = SerembanVisit();
        Add(visit, "Aminah Yusof", DelegationRole.Delegate);

        Assert.Equal(
            "Visit.ItemNotFound",
            CodeOf(() =>
                visit.EditDelegationMember(-1, "Nobody", null, null, DelegationRole.Delegate, null, null, null)
            )
        );
    }

    [Fact]
    public void Cancelled_visit_refuses_every_roster_change()
    {
        var visit = SerembanVisit();
        var member = Add(visit, "Aminah Yusof", DelegationRole.Delegate);
        visit.Cancel("The delegation postponed its trip");

        Assert.Equal(
            "Visit.Cancelled",
            CodeOf(() => visit.AddDelegationMember("Lee Kai Yet", "Councillor", null, DelegationRole.HeadOfDelegation))
        );
        Assert.Equal(
            "Visit.Cancelled",
            CodeOf(() =>
                visit.EditDelegationMember(
                    member.Id,
                    "Aminah binti Yusof",
                    null,
                    null,
                    DelegationRole.Delegate,
                    null,
                    null,
                    null
                )
            )
        );
        Assert.Equal("Visit.Cancelled", CodeOf(() => visit.RemoveDelegationMember(member.Id)));
        Assert.Equal("Aminah Yusof", Assert.Single(visit.Delegation.Members).FullName);
    }
}
