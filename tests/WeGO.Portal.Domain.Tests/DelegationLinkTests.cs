using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

/// <summary>When the delegation's contact may use their link and change the roster: the Seremban visit, 7 October
/// 2024, 10:00-12:00 in Seoul (01:00-03:00 UTC).</summary>
public sealed class DelegationLinkTests
{
    private static readonly DateTime Scheduled = new(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Starts = new(2024, 10, 7, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Ends = new(2024, 10, 7, 3, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan ThirtyDays = TimeSpan.FromDays(30);

    private static Visit ConfirmedWithLink()
    {
        var visit = Seremban.Visit(Scheduled);
        visit.Confirm();
        visit.IssueDelegationLink(new string('a', 64));
        return visit;
    }

    [Fact]
    public void Without_a_deadline_the_roster_closes_when_the_visit_starts()
    {
        var visit = ConfirmedWithLink();

        Assert.Equal(Starts, visit.RosterClosesAtUtc);
        Assert.True(visit.IsRosterOpenToDelegation(Starts.AddTicks(-1)));
        Assert.False(visit.IsRosterOpenToDelegation(Starts));
    }

    [Fact]
    public void A_deadline_closes_the_roster_at_the_end_of_its_day_in_the_venues_time_zone()
    {
        var visit = ConfirmedWithLink();
        visit.SetRosterDeadline(new DateOnly(2024, 10, 3));

        // Midnight between 3 and 4 October in Seoul is 15:00 UTC on the 3rd.
        var closes = new DateTime(2024, 10, 3, 15, 0, 0, DateTimeKind.Utc);
        Assert.Equal(closes, visit.RosterClosesAtUtc);
        Assert.True(visit.IsRosterOpenToDelegation(closes.AddMinutes(-1)));
        Assert.False(visit.IsRosterOpenToDelegation(closes));
        Assert.Equal(
            "Delegation.RosterClosed",
            Assert.Throws<DomainException>(() => visit.EnsureRosterOpenToDelegation(closes)).Code
        );
    }

    [Fact]
    public void A_deadline_after_the_start_still_closes_the_roster_at_the_start()
    {
        var visit = ConfirmedWithLink();
        visit.SetRosterDeadline(new DateOnly(2024, 10, 10));

        Assert.Equal(Starts, visit.RosterClosesAtUtc);
    }

    [Fact]
    public void A_completed_visits_roster_is_closed_to_the_delegation()
    {
        var visit = ConfirmedWithLink();
        visit.SetRosterDeadline(new DateOnly(2024, 10, 3));
        visit.Complete(Ends);

        Assert.False(visit.IsRosterOpenToDelegation(Scheduled));
    }

    [Fact]
    public void The_link_opens_until_the_days_after_the_visit_have_passed()
    {
        var visit = ConfirmedWithLink();

        Assert.True(visit.IsDelegationLinkOpen(Scheduled, ThirtyDays));
        Assert.True(visit.IsDelegationLinkOpen(Ends + ThirtyDays - TimeSpan.FromTicks(1), ThirtyDays));
        Assert.False(visit.IsDelegationLinkOpen(Ends + ThirtyDays, ThirtyDays));
    }

    [Fact]
    public void Without_a_link_or_for_a_cancelled_visit_the_link_opens_nothing()
    {
        var withoutLink = Seremban.Visit(Scheduled);
        withoutLink.Confirm();
        Assert.False(withoutLink.IsDelegationLinkOpen(Scheduled, ThirtyDays));

        var cancelled = ConfirmedWithLink();
        cancelled.Cancel("Typhoon");
        Assert.False(cancelled.IsDelegationLinkOpen(Scheduled, ThirtyDays));
    }

    [Fact]
    public void A_new_delegates_protocol_is_described_before_it_has_an_id()
    {
        var visit = ConfirmedWithLink();
        var member = visit.AddDelegationMember("Lee Kai Yet", null, null, DelegationRole.HeadOfDelegation);

        visit.DescribeDelegateProtocol(member, " Dato' ", "Malay to English");

        Assert.Equal("Dato' Lee Kai Yet", member.AddressedAs);
        Assert.Equal("Malay to English", member.InterpretationNeeds);
        var elsewhere = Seremban
            .Visit(Scheduled)
            .AddDelegationMember("Aminah Yusof", null, null, DelegationRole.Delegate);
        Assert.Equal(
            "Visit.ItemNotFound",
            Assert.Throws<DomainException>(() => visit.DescribeDelegateProtocol(elsewhere, "Dr", null)).Code
        );
    }
}
