using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

/// <summary>A city's request to visit: what it accepts when sent, and the way it goes between the Secretariat and the
/// city until it becomes a visit or is declined.</summary>
public sealed class VisitRequestTests
{
    private static readonly DateTime Sent = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Earliest = new(2026, 7, 6);

    private static VisitRequestDetails Seremban() =>
        new(
            "Seremban City Council",
            "MY",
            "Lee Kai Yet",
            "Councillor",
            "lee.kaiyet@mbs.gov.my",
            "+60 6-762 0000",
            "es",
            Earliest,
            Earliest.AddDays(4),
            DateFlexibility.FewDaysEitherWay,
            36,
            "Learn how Seoul runs its smart-city services",
            MembershipInterest.FeasibilityStudies,
            null,
            "Malay, English",
            true,
            true
        );

    private static VisitRequest Received() => new("WGV-2026-ABCDEF", new string('a', 64), Seremban(), Sent);

    private static string Refusal(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void A_new_request_waits_for_the_Secretariat_with_what_the_city_sent()
    {
        var request = Received();

        Assert.Equal(VisitRequestStatus.Received, request.Status);
        Assert.Equal(Earliest, request.EarliestDate);
        Assert.Equal(36, request.DelegationSize);
        Assert.Equal("es", request.PreferredLanguage);
        Assert.True(request.CanAccept);
        Assert.True(request.CanProposeDates);
        Assert.True(request.CanDecline);
        Assert.False(request.AwaitsCity);
    }

    [Fact]
    public void A_request_without_consent_reversed_dates_or_an_impossible_size_is_refused()
    {
        Assert.Equal(
            "Inquiry.ConsentRequired",
            Refusal(() => _ = new VisitRequest("R", "h", Seremban() with { ConsentGiven = false }, Sent))
        );
        Assert.Equal(
            "VisitRequest.DatesReversed",
            Refusal(() => _ = new VisitRequest("R", "h", Seremban() with { LatestDate = Earliest.AddDays(-1) }, Sent))
        );
        Assert.Equal(
            "Delegation.HeadcountOutOfRange",
            Refusal(() => _ = new VisitRequest("R", "h", Seremban() with { DelegationSize = 0 }, Sent))
        );
    }

    [Fact]
    public void Proposed_dates_wait_for_the_city_and_once_accepted_become_the_requests_dates()
    {
        var request = Received();
        var proposed = Earliest.AddDays(21);

        request.ProposeDates(proposed, proposed.AddDays(2), "The week of the 27th is free.", Sent.AddDays(1));

        Assert.Equal(VisitRequestStatus.DatesProposed, request.Status);
        Assert.True(request.AwaitsCity);
        Assert.False(request.CanAccept);
        Assert.False(request.CanProposeDates);
        Assert.True(request.CanDecline);

        request.AcceptProposedDates(Sent.AddDays(2));

        Assert.Equal(VisitRequestStatus.Received, request.Status);
        Assert.Equal(proposed, request.EarliestDate);
        Assert.Equal(proposed.AddDays(2), request.LatestDate);
        Assert.Equal(DateFlexibility.ExactDates, request.Flexibility);
        Assert.Equal(Sent.AddDays(2), request.StatusChangedAtUtc);
        Assert.True(request.CanAccept);
    }

    [Fact]
    public void The_citys_answer_returns_the_request_to_the_Secretariat_and_keeps_its_dates()
    {
        var request = Received();
        request.ProposeDates(Earliest.AddDays(21), Earliest.AddDays(23), null, Sent.AddDays(1));

        Assert.Equal("VisitRequest.AnswerRequired", Refusal(() => request.Answer("  ", Sent.AddDays(2))));
        request.Answer("Could we come in September instead?", Sent.AddDays(2));

        Assert.Equal(VisitRequestStatus.Received, request.Status);
        Assert.Equal("Could we come in September instead?", request.CityAnswer);
        Assert.Equal(Earliest, request.EarliestDate);
    }

    [Fact]
    public void Without_a_proposal_the_city_has_nothing_to_accept_or_answer()
    {
        var request = Received();

        Assert.Equal("VisitRequest.NoProposal", Refusal(() => request.AcceptProposedDates(Sent)));
        Assert.Equal("VisitRequest.NoProposal", Refusal(() => request.Answer("Yes", Sent)));
    }

    [Fact]
    public void An_accepted_request_names_its_visit_and_city_and_refuses_every_further_step()
    {
        var request = Received();

        request.Accept(42, 7, Sent.AddDays(1));

        Assert.Equal(VisitRequestStatus.Accepted, request.Status);
        Assert.Equal(42, request.VisitId);
        Assert.Equal(7, request.OrganizationId);
        Assert.False(request.CanAccept || request.CanProposeDates || request.CanDecline);
        Assert.Equal("VisitRequest.CannotAccept", Refusal(() => request.Accept(43, 7, Sent)));
        Assert.Equal("VisitRequest.CannotDecline", Refusal(() => request.Decline("Too late", Sent)));
        Assert.Equal(
            "VisitRequest.CannotProposeDates",
            Refusal(() => request.ProposeDates(Earliest, Earliest, null, Sent))
        );
    }

    [Fact]
    public void A_decline_needs_a_reason_and_ends_the_request()
    {
        var request = Received();

        Assert.Equal("VisitRequest.DeclineReasonRequired", Refusal(() => request.Decline("", Sent)));
        request.Decline("The Secretariat is closed that week.", Sent.AddDays(1));

        Assert.Equal(VisitRequestStatus.Declined, request.Status);
        Assert.Equal("The Secretariat is closed that week.", request.DeclineReason);
        Assert.False(request.CanAccept);
        Assert.Equal("VisitRequest.CannotAccept", Refusal(() => request.Accept(1, 1, Sent)));
    }

    [Fact]
    public void Proposed_dates_must_not_be_reversed()
    {
        var request = Received();

        Assert.Equal(
            "VisitRequest.DatesReversed",
            Refusal(() => request.ProposeDates(Earliest.AddDays(3), Earliest, null, Sent))
        );
        Assert.Equal(VisitRequestStatus.Received, request.Status);
    }
}
