using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Domain.Tests;

public sealed class VisitTests
{
    private static readonly DateTime Now = new(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AfterTheVisit = new(2024, 10, 8, 0, 0, 0, DateTimeKind.Utc);

    private static Visit SerembanVisit() => Seremban.Visit(Now);

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void Scheduled_visit_is_requested_and_stores_seoul_time_as_utc()
    {
        var visit = SerembanVisit();

        Assert.Equal(VisitStatus.Requested, visit.Status);
        Assert.Equal(new DateTime(2024, 10, 7, 1, 0, 0, DateTimeKind.Utc), visit.StartsAtUtc);
        Assert.Equal(new DateTime(2024, 10, 7, 3, 0, 0, DateTimeKind.Utc), visit.EndsAtUtc);
        Assert.Equal(new DateTime(2024, 10, 7, 10, 0, 0), visit.StartsAtLocal);
    }

    [Fact]
    public void Visit_must_end_after_it_starts()
    {
        var seremban = new Organization(
            "Seremban City Council",
            "MY",
            Region.AsiaPacific,
            OrganizationKind.LocalGovernment
        );

        Assert.Equal(
            "Visit.EndBeforeStart",
            CodeOf(() =>
                Visit.Schedule(
                    seremban,
                    "Purpose",
                    "Seoul",
                    new DateOnly(2024, 10, 7),
                    new TimeOnly(12, 0),
                    new TimeOnly(10, 0),
                    VenueTime.Seoul,
                    Now
                )
            )
        );
    }

    [Fact]
    public void A_wall_clock_time_skipped_by_daylight_saving_is_refused()
    {
        var city = new Organization("New York City", "US", Region.NorthAmerica, OrganizationKind.LocalGovernment);

        Assert.Equal(
            "Visit.TimeDoesNotExist",
            CodeOf(() =>
                Visit.Schedule(
                    city,
                    "Purpose",
                    "City Hall",
                    new DateOnly(2024, 3, 10),
                    new TimeOnly(2, 30),
                    new TimeOnly(4, 0),
                    "America/New_York",
                    Now
                )
            )
        );
    }

    [Fact]
    public void Unknown_time_zone_is_refused()
    {
        var seremban = new Organization(
            "Seremban City Council",
            "MY",
            Region.AsiaPacific,
            OrganizationKind.LocalGovernment
        );

        Assert.Equal(
            "Visit.TimeZoneUnknown",
            CodeOf(() =>
                Visit.Schedule(
                    seremban,
                    "Purpose",
                    "Seoul",
                    new DateOnly(2024, 10, 7),
                    new TimeOnly(10, 0),
                    new TimeOnly(12, 0),
                    "Mars/Olympus",
                    Now
                )
            )
        );
    }

    [Fact]
    public void Cancelled_visit_refuses_new_agenda_items()
    {
        var visit = SerembanVisit();
        visit.Cancel("The delegation postponed its trip");

        Assert.Equal(
            "Visit.Cancelled",
            CodeOf(() =>
                visit.AddAgendaItem(new TimeOnly(10, 0), new TimeOnly(10, 15), "Welcome address", "Secretary General")
            )
        );
        Assert.Empty(visit.Agenda);
    }

    [Fact]
    public void Cancelled_visit_refuses_roster_and_topic_changes()
    {
        var visit = SerembanVisit();
        visit.Cancel("Postponed");

        Assert.Equal(
            "Visit.Cancelled",
            CodeOf(() => visit.AddDelegationMember("Lee Kai Yet", "Councillor", null, DelegationRole.Delegate))
        );
        Assert.Equal("Visit.Cancelled", CodeOf(() => visit.RecordTopic("Membership process")));
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_keeps_it()
    {
        var visit = SerembanVisit();

        Assert.Equal("Visit.CancellationReasonRequired", CodeOf(() => visit.Cancel("  ")));
        Assert.Equal(VisitStatus.Requested, visit.Status);

        visit.Cancel("Flights cancelled");
        Assert.Equal(VisitStatus.Cancelled, visit.Status);
        Assert.Equal("Flights cancelled", visit.CancellationReason);
    }

    [Fact]
    public void Only_a_requested_visit_can_be_confirmed()
    {
        var visit = SerembanVisit();
        visit.Confirm();

        Assert.Equal(VisitStatus.Confirmed, visit.Status);
        Assert.Equal("Visit.CannotConfirm", CodeOf(visit.Confirm));
    }

    [Fact]
    public void Only_a_confirmed_visit_that_has_started_can_be_completed()
    {
        var visit = SerembanVisit();
        Assert.Equal("Visit.CannotComplete", CodeOf(() => visit.Complete(AfterTheVisit)));

        visit.Confirm();
        Assert.Equal("Visit.NotStartedYet", CodeOf(() => visit.Complete(Now)));

        visit.Complete(AfterTheVisit);
        Assert.Equal(VisitStatus.Completed, visit.Status);
    }

    [Fact]
    public void Completed_or_cancelled_visit_cannot_be_cancelled()
    {
        var completed = SerembanVisit();
        completed.Confirm();
        completed.Complete(AfterTheVisit);
        var cancelled = SerembanVisit();
        cancelled.Cancel("Postponed");

        Assert.Equal("Visit.CannotCancel", CodeOf(() => completed.Cancel("Too late")));
        Assert.Equal("Visit.CannotCancel", CodeOf(() => cancelled.Cancel("Again")));
        Assert.Equal("Postponed", cancelled.CancellationReason);
    }

    [Fact]
    public void Completed_visit_can_still_record_topics_but_not_be_rescheduled()
    {
        var visit = SerembanVisit();
        visit.Confirm();
        visit.Complete(AfterTheVisit);

        visit.RecordTopic("Feasibility-study opportunities");

        Assert.Single(visit.Topics);
        Assert.Equal(
            "Visit.AlreadyCompleted",
            CodeOf(() =>
                visit.Reschedule(
                    new DateOnly(2024, 10, 8),
                    new TimeOnly(10, 0),
                    new TimeOnly(11, 0),
                    VenueTime.Seoul,
                    "Seoul"
                )
            )
        );
    }

    [Fact]
    public void Agenda_items_are_numbered_in_the_order_they_are_added()
    {
        var visit = SerembanVisit();
        var welcome = visit.AddAgendaItem(
            new TimeOnly(10, 0),
            new TimeOnly(10, 15),
            "Welcome address",
            "Secretary General"
        );
        var seremban = visit.AddAgendaItem(
            new TimeOnly(10, 15),
            new TimeOnly(10, 45),
            "Seremban's smart-city initiatives",
            "Councillor Lee Kai Yet"
        );
        var wego = visit.AddAgendaItem(
            new TimeOnly(10, 45),
            new TimeOnly(11, 15),
            "WeGO's activities",
            "Program Director"
        );

        Assert.Equal([1, 2, 3], new[] { welcome.Order, seremban.Order, wego.Order });
    }

    [Fact]
    public void Agenda_item_must_end_after_it_starts()
    {
        var visit = SerembanVisit();

        Assert.Equal(
            "Agenda.EndBeforeStart",
            CodeOf(() => visit.AddAgendaItem(new TimeOnly(11, 0), new TimeOnly(10, 0), "Q&A", null))
        );
    }

    [Fact]
    public void Overlapping_agenda_items_and_items_past_the_end_are_reported()
    {
        var visit = SerembanVisit();
        visit.AddAgendaItem(new TimeOnly(10, 0), new TimeOnly(10, 30), "Welcome address", null);
        var overlapping = visit.AddAgendaItem(new TimeOnly(10, 20), new TimeOnly(10, 45), "Presentation", null);
        var tooLate = visit.AddAgendaItem(new TimeOnly(11, 30), new TimeOnly(12, 30), "Questions and answers", null);

        Assert.Equal([overlapping, tooLate], visit.AgendaItemsOutOfTime());
    }

    [Fact]
    public void Headcount_is_the_announced_number_until_a_roster_exists()
    {
        var visit = SerembanVisit();
        visit.ExpectHeadcount(36);
        Assert.Equal(36, visit.Delegation.Headcount);

        visit.AddDelegationMember(
            "Lee Kai Yet",
            "Councillor",
            "Seremban City Council",
            DelegationRole.HeadOfDelegation
        );
        visit.AddDelegationMember("Delegate Two", "Officer", "Seremban City Council", DelegationRole.Delegate);

        Assert.Equal(2, visit.Delegation.Headcount);
        Assert.Equal("Lee Kai Yet", visit.Delegation.HeadOfDelegation);
    }

    [Fact]
    public void Roster_has_one_head_of_delegation()
    {
        var visit = SerembanVisit();
        visit.AddDelegationMember("Lee Kai Yet", "Councillor", null, DelegationRole.HeadOfDelegation);

        Assert.Equal(
            "Delegation.HeadAlreadyOnRoster",
            CodeOf(() => visit.AddDelegationMember("Someone Else", null, null, DelegationRole.HeadOfDelegation))
        );
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Headcount_out_of_range_is_refused(int headcount)
    {
        Assert.Equal("Delegation.HeadcountOutOfRange", CodeOf(() => SerembanVisit().ExpectHeadcount(headcount)));
    }

    [Fact]
    public void The_same_topic_is_recorded_once()
    {
        var visit = SerembanVisit();
        visit.RecordTopic("Membership process");

        Assert.Equal("Visit.TopicAlreadyRecorded", CodeOf(() => visit.RecordTopic("membership PROCESS")));
    }

    [Fact]
    public void Hosts_keep_the_order_they_were_added_in()
    {
        var visit = SerembanVisit();
        visit.AddHost("Jeong-kee Kim", "Secretary General");
        visit.AddHost("Lii Inn Tan", "Program Director");

        Assert.Equal(["Jeong-kee Kim", "Lii Inn Tan"], visit.Hosts.OrderBy(h => h.Order).Select(h => h.Name));
    }
}
