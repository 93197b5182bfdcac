using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

/// <summary>The protocol rules on the roster: the order of precedence, check-in, and the deletion of the delegates'
/// needs after the visit.</summary>
public sealed class DelegationProtocolTests
{
    private static readonly DateTime Now = new(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The visit ends on 7 October 2024 at noon in Seoul (03:00 UTC).</summary>
    private static readonly DateTime VisitEnd = new(2024, 10, 7, 3, 0, 0, DateTimeKind.Utc);

    private static int nextId = 500;

    /// <summary>Adds a member and gives it an id, as the database does when the visit is saved.</summary>
    private static DelegationMember Add(
        Visit visit,
        string name,
        DelegationRole role = DelegationRole.Delegate,
        string? dietary = null,
        string? accessibility = null
    )
    {
        var member = visit.AddDelegationMember(
            name,
            "Councillor",
            "Seremban City Council",
            role,
            null,
            dietary,
            accessibility
        );
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(member, Interlocked.Increment(ref nextId));
        return member;
    }

    private static string[] Order(Visit visit) => [.. visit.Delegation.InPrecedence.Select(m => m.FullName)];

    [Fact]
    public void Delegates_keep_the_order_they_were_added_in_after_the_head()
    {
        var visit = Seremban.Visit(Now);
        Add(visit, "Aminah Yusof");
        Add(visit, "Tan Wei Ming");
        Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation);

        Assert.Equal(["Lee Kai Yet", "Aminah Yusof", "Tan Wei Ming"], Order(visit));
    }

    [Fact]
    public void Moving_a_delegate_swaps_them_with_their_neighbour()
    {
        var visit = Seremban.Visit(Now);
        Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation);
        var aminah = Add(visit, "Aminah Yusof");
        var tan = Add(visit, "Tan Wei Ming");
        var siti = Add(visit, "Siti Hassan");

        visit.MoveDelegate(siti.Id, -1);
        Assert.Equal(["Lee Kai Yet", "Aminah Yusof", "Siti Hassan", "Tan Wei Ming"], Order(visit));

        visit.MoveDelegate(aminah.Id, 1);
        Assert.Equal(["Lee Kai Yet", "Siti Hassan", "Aminah Yusof", "Tan Wei Ming"], Order(visit));
        Assert.Equal([1, 2, 3, 4], visit.Delegation.InPrecedence.Select(m => m.Precedence));

        // At the ends nothing moves: not past the last place, not ahead of the head.
        visit.MoveDelegate(tan.Id, 1);
        visit.MoveDelegate(visit.Delegation.InPrecedence[1].Id, -1);
        Assert.Equal(["Lee Kai Yet", "Siti Hassan", "Aminah Yusof", "Tan Wei Ming"], Order(visit));
    }

    [Fact]
    public void The_head_of_delegation_cannot_be_moved()
    {
        var visit = Seremban.Visit(Now);
        var head = Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation);
        Add(visit, "Aminah Yusof");

        Assert.Equal(
            "Delegation.HeadComesFirst",
            Assert.Throws<DomainException>(() => visit.MoveDelegate(head.Id, 1)).Code
        );
    }

    [Fact]
    public void Removing_a_delegate_closes_the_gap_in_the_order()
    {
        var visit = Seremban.Visit(Now);
        Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation);
        var aminah = Add(visit, "Aminah Yusof");
        Add(visit, "Tan Wei Ming");

        visit.RemoveDelegationMember(aminah.Id);

        Assert.Equal([1, 2], visit.Delegation.InPrecedence.Select(m => m.Precedence));
    }

    [Fact]
    public void The_honorific_is_printed_before_the_name_and_can_be_given_before_the_member_is_saved()
    {
        var visit = Seremban.Visit(Now);
        // Two unsaved members (id 0), as a roster import adds them: each is described by reference, not by id.
        var first = visit.AddDelegationMember("Lee Kai Yet", null, null, DelegationRole.HeadOfDelegation);
        var second = visit.AddDelegationMember("김정기", null, null, DelegationRole.Delegate);

        visit.DescribeDelegateProtocol(first, "Dato'", "Malay to Korean");
        visit.DescribeDelegateProtocol(second, " 박사 ", null);

        Assert.Equal("Dato' Lee Kai Yet", first.AddressedAs);
        Assert.Equal("Malay to Korean", first.InterpretationNeeds);
        Assert.Equal("박사 김정기", second.AddressedAs);
        Assert.Null(second.InterpretationNeeds);
    }

    [Fact]
    public void A_member_of_another_visit_cannot_be_described()
    {
        var visit = Seremban.Visit(Now);
        var stranger = Seremban.Visit(Now).AddDelegationMember("Tan Wei Ming", null, null, DelegationRole.Delegate);

        var code = Assert.Throws<DomainException>(() => visit.DescribeDelegateProtocol(stranger, "Dr", null)).Code;

        Assert.Equal("Visit.ItemNotFound", code);
    }

    [Fact]
    public void Check_in_marks_and_unmarks_arrivals_and_counts_them()
    {
        var visit = Seremban.Visit(Now);
        var lee = Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation);
        var aminah = Add(visit, "Aminah Yusof");
        Add(visit, "Tan Wei Ming");
        var arrival = VisitEnd.AddHours(-2);

        visit.MarkDelegateArrived(lee.Id, true, arrival);
        visit.MarkDelegateArrived(aminah.Id, true, arrival);
        // Marking twice keeps the first time.
        visit.MarkDelegateArrived(lee.Id, true, arrival.AddMinutes(5));
        Assert.Equal(2, visit.Delegation.ArrivedCount);
        Assert.Equal(arrival, lee.ArrivedAtUtc);

        visit.MarkDelegateArrived(aminah.Id, false, arrival);
        Assert.Equal(1, visit.Delegation.ArrivedCount);
        Assert.Null(aminah.ArrivedAtUtc);
    }

    [Fact]
    public void A_cancelled_visit_has_no_arrivals_to_mark()
    {
        var visit = Seremban.Visit(Now);
        var lee = Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation);
        visit.Cancel("The council postponed the trip");

        var code = Assert.Throws<DomainException>(() => visit.MarkDelegateArrived(lee.Id, true, Now)).Code;

        Assert.Equal("Visit.Cancelled", code);
        Assert.Equal(0, visit.Delegation.ArrivedCount);
    }

    [Fact]
    public void Needs_are_kept_until_the_visit_is_over()
    {
        var visit = Seremban.Visit(Now);
        var lee = Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation, "Halal", "Wheelchair access");

        var code = Assert.Throws<DomainException>(() => visit.ForgetDelegateNeeds(VisitEnd.AddMinutes(-1))).Code;

        Assert.Equal("Visit.NotOverYet", code);
        Assert.Equal("Halal", lee.DietaryNeeds);
        Assert.Null(visit.Delegation.NeedsErasedAtUtc);
    }

    [Fact]
    public void Forgetting_the_needs_keeps_the_rest_of_the_roster()
    {
        var visit = Seremban.Visit(Now);
        var lee = Add(visit, "Lee Kai Yet", DelegationRole.HeadOfDelegation, "Halal", "Wheelchair access");
        var aminah = Add(visit, "Aminah Yusof", dietary: "Vegetarian");
        visit.DescribeDelegateProtocol(lee.Id, "Dato'", "Malay to Korean");
        visit.MarkDelegateArrived(aminah.Id, true, VisitEnd.AddHours(-2));
        var later = VisitEnd.AddDays(31);

        visit.ForgetDelegateNeeds(later);

        Assert.All(visit.Delegation.Members, m => Assert.Null(m.DietaryNeeds));
        Assert.All(visit.Delegation.Members, m => Assert.Null(m.AccessibilityNeeds));
        Assert.Equal(later, visit.Delegation.NeedsErasedAtUtc);
        Assert.Equal(["Lee Kai Yet", "Aminah Yusof"], Order(visit));
        Assert.Equal("Dato' Lee Kai Yet", lee.AddressedAs);
        Assert.Equal("Malay to Korean", lee.InterpretationNeeds);
        Assert.Equal("Councillor", aminah.Title);
        Assert.Equal(1, visit.Delegation.ArrivedCount);
    }
}
