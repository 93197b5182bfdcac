using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Status changes, the agenda builder and editing, through the real pipeline.</summary>
public sealed class VisitLifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A visit of its own, as staff first schedule it: no head of delegation yet.</summary>
    private Task<int> ScheduleAsync(DateOnly? date = null, string host = "Jeong-kee Kim") =>
        portal.ScheduleVisitAsync(c =>
            c with
            {
                Date = date ?? c.Date,
                OtherHostName = host,
                HeadOfDelegation = null,
                HeadOfDelegationTitle = null,
            }
        );

    private async Task<GetVisit.Details> VisitAsync(int id) => (await portal.SendAsync(new GetVisit.Query(id)))!;

    [Fact]
    public async Task A_visit_goes_from_requested_to_confirmed_to_completed()
    {
        var id = await ScheduleAsync();

        await portal.SendAsync(new ConfirmVisit.Command(id, (await VisitAsync(id)).Version));
        Assert.Equal(VisitStatus.Confirmed, (await VisitAsync(id)).Status);
        await portal.SendAsync(new CompleteVisit.Command(id, (await VisitAsync(id)).Version));

        var visit = await VisitAsync(id);
        Assert.Equal(VisitStatus.Completed, visit.Status);
        Assert.Equal(
            ["Status Completed", "Status Confirmed", "Added"],
            visit
                .History.Where(h =>
                    !h.Action.Contains(' ', StringComparison.Ordinal)
                    || h.Action.StartsWith("Status", StringComparison.Ordinal)
                )
                .Select(h => h.Action)
        );
    }

    [Fact]
    public async Task Forbidden_status_changes_are_refused_and_change_nothing()
    {
        var id = await ScheduleAsync();

        Assert.Equal(
            "Visit.CannotComplete",
            (await Assert.ThrowsAsync<DomainException>(() => portal.SendAsync(new CompleteVisit.Command(id, 0)))).Code
        );
        await portal.SendAsync(new ConfirmVisit.Command(id, 0));
        Assert.Equal(
            "Visit.CannotConfirm",
            (await Assert.ThrowsAsync<DomainException>(() => portal.SendAsync(new ConfirmVisit.Command(id, 1)))).Code
        );
        await portal.SendAsync(
            new CancelVisit.Command
            {
                VisitId = id,
                Version = 1,
                Reason = "Flights cancelled",
            }
        );
        Assert.Equal(
            "Visit.CannotCancel",
            (
                await Assert.ThrowsAsync<DomainException>(() =>
                    portal.SendAsync(
                        new CancelVisit.Command
                        {
                            VisitId = id,
                            Version = 2,
                            Reason = "Again",
                        }
                    )
                )
            ).Code
        );

        var visit = await VisitAsync(id);
        Assert.Equal(VisitStatus.Cancelled, visit.Status);
        Assert.Equal("Flights cancelled", visit.CancellationReason);
    }

    [Fact]
    public async Task A_visit_cannot_be_completed_before_it_starts()
    {
        var id = await ScheduleAsync(new DateOnly(2099, 1, 1));
        await portal.SendAsync(new ConfirmVisit.Command(id, 0));

        Assert.Equal(
            "Visit.NotStartedYet",
            (await Assert.ThrowsAsync<DomainException>(() => portal.SendAsync(new CompleteVisit.Command(id, 1)))).Code
        );
    }

    [Fact]
    public async Task Cancelling_needs_a_reason()
    {
        var id = await ScheduleAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(
                new CancelVisit.Command
                {
                    VisitId = id,
                    Version = 0,
                    Reason = "",
                }
            )
        );

        Assert.Equal("Reason", Assert.Single(refused.Errors).PropertyName);
        Assert.Equal(VisitStatus.Requested, (await VisitAsync(id)).Status);
    }

    [Fact]
    public async Task A_cancelled_visit_keeps_its_agenda_and_history_but_refuses_new_items()
    {
        var id = await ScheduleAsync();
        await portal.SendAsync(
            new AddAgendaItem.Command
            {
                VisitId = id,
                Version = 0,
                Title = "Welcome address",
            }
        );
        await portal.SendAsync(
            new CancelVisit.Command
            {
                VisitId = id,
                Version = 1,
                Reason = "Postponed",
            }
        );

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(
                new AddAgendaItem.Command
                {
                    VisitId = id,
                    Version = 2,
                    Title = "Q&A",
                }
            )
        );

        Assert.Equal("Visit.Cancelled", refused.Code);
        var visit = await VisitAsync(id);
        Assert.Equal(["Welcome address"], visit.Agenda.Select(a => a.Title));
        Assert.True(visit.History.Count >= 3);
    }

    [Fact]
    public async Task The_scenario_agenda_is_built_reordered_edited_and_trimmed()
    {
        var id = await ScheduleAsync();
        string[] titles =
        [
            "Welcome address",
            "Seremban's smart-city initiatives",
            "WeGO's activities, vision and flagship programmes",
            "Questions and answers",
        ];
        var version = 0;
        var start = new TimeOnly(10, 0);
        foreach (var title in titles.Reverse())
        {
            await portal.SendAsync(
                new AddAgendaItem.Command
                {
                    VisitId = id,
                    Version = version++,
                    StartsAt = start,
                    EndsAt = start.AddMinutes(30),
                    Title = title,
                }
            );
            start = start.AddMinutes(30);
        }

        // Added in reverse: move the last three up until the order is right.
        for (var round = 0; round < 3; round++)
        {
            var agenda = (await portal.SendAsync(new GetAgenda.Query(id)))!;
            var item = agenda.Items.Single(i => i.Title == titles[round]);
            while (
                (await portal.SendAsync(new GetAgenda.Query(id)))!.Items.Single(i => i.Id == item.Id).Order > round + 1
            )
            {
                await portal.SendAsync(new MoveAgendaItem.Command(id, (await VisitAsync(id)).Version, item.Id, -1));
            }
        }

        var ordered = (await portal.SendAsync(new GetAgenda.Query(id)))!;
        Assert.Equal(titles, ordered.Items.Select(i => i.Title));
        Assert.Equal([1, 2, 3, 4], ordered.Items.Select(i => i.Order));

        var qa = ordered.Items[3];
        await portal.SendAsync(
            new EditAgendaItem.Command
            {
                VisitId = id,
                Version = ordered.Version,
                ItemId = qa.Id,
                StartsAt = new TimeOnly(11, 15),
                EndsAt = new TimeOnly(12, 0),
                Title = "Questions and answers",
                Speaker = "All",
            }
        );
        await portal.SendAsync(new RemoveAgendaItem.Command(id, ordered.Version + 1, ordered.Items[1].Id));

        var final = (await portal.SendAsync(new GetAgenda.Query(id)))!;
        Assert.Equal([titles[0], titles[2], titles[3]], final.Items.Select(i => i.Title));
        Assert.Equal([1, 2, 3], final.Items.Select(i => i.Order));
        Assert.Equal("All", final.Items[2].Speaker);
    }

    [Fact]
    public async Task Overlapping_items_and_items_past_the_end_are_flagged()
    {
        var id = await ScheduleAsync();
        await portal.SendAsync(
            new AddAgendaItem.Command
            {
                VisitId = id,
                Version = 0,
                StartsAt = new TimeOnly(10, 0),
                EndsAt = new TimeOnly(10, 30),
                Title = "Welcome",
            }
        );
        await portal.SendAsync(
            new AddAgendaItem.Command
            {
                VisitId = id,
                Version = 1,
                StartsAt = new TimeOnly(10, 15),
                EndsAt = new TimeOnly(10, 45),
                Title = "Overlapping",
            }
        );
        await portal.SendAsync(
            new AddAgendaItem.Command
            {
                VisitId = id,
                Version = 2,
                StartsAt = new TimeOnly(11, 30),
                EndsAt = new TimeOnly(12, 30),
                Title = "Too late",
            }
        );

        var agenda = (await portal.SendAsync(new GetAgenda.Query(id)))!;

        Assert.Equal(["Overlapping", "Too late"], agenda.Items.Where(i => i.OutOfTime).Select(i => i.Title));
    }

    [Theory]
    [InlineData("Title", "", null, null)]
    [InlineData("EndsAt", "Q&A", "11:00", "10:00")]
    public async Task Invalid_agenda_items_are_refused(string field, string title, string? from, string? to)
    {
        var id = await ScheduleAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(() =>
            portal.SendAsync(
                new AddAgendaItem.Command
                {
                    VisitId = id,
                    Title = title,
                    StartsAt = from is null
                        ? null
                        : TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
                    EndsAt = to is null ? null : TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
                }
            )
        );

        Assert.Equal(field, Assert.Single(refused.Errors).PropertyName);
        Assert.Empty((await VisitAsync(id)).Agenda);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_changes()
    {
        var id = await ScheduleAsync();
        await portal.SendAsync(
            new AddAgendaItem.Command
            {
                VisitId = id,
                Version = 0,
                Title = "Welcome address",
            }
        );

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            portal.SendAsync(
                new AddAgendaItem.Command
                {
                    VisitId = id,
                    Version = 0,
                    Title = "Added by someone who did not see the change",
                }
            )
        );
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => portal.SendAsync(new ConfirmVisit.Command(id, 0)));

        var visit = await VisitAsync(id);
        Assert.Equal(["Welcome address"], visit.Agenda.Select(a => a.Title));
        Assert.Equal(VisitStatus.Requested, visit.Status);
    }

    [Fact]
    public async Task Editing_moves_the_visit_and_replaces_hosts_and_a_stale_edit_is_refused()
    {
        var id = await ScheduleAsync();
        var edit = new EditVisit.Command
        {
            VisitId = id,
            Version = 0,
            Purpose = "Membership discussion",
            Date = new DateOnly(2024, 10, 8),
            StartTime = new TimeOnly(14, 0),
            EndTime = new TimeOnly(16, 0),
            Venue = "Seoul Global Center",
            OtherHostName = "Lii Inn Tan",
            OtherHostTitle = "Program Director",
            HeadOfDelegation = "Lee Kai Yet",
            ExpectedHeadcount = 30,
        };

        Assert.True((await portal.SendAsync(edit)).Saved);
        var stale = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            portal.SendAsync(edit with { Venue = "Somewhere else" })
        );

        var visit = await VisitAsync(id);
        Assert.NotNull(stale);
        Assert.Equal(new DateTime(2024, 10, 8, 5, 0, 0, DateTimeKind.Utc), visit.Plan.StartsAtUtc);
        Assert.Equal("Seoul Global Center", visit.Plan.Venue);
        Assert.Equal(["Lii Inn Tan"], visit.Hosts.Select(h => h.Name));
        Assert.Equal(30, visit.Delegation.Headcount);
        Assert.Equal(1, visit.Version);
    }

    [Fact]
    public async Task Moving_a_visit_onto_a_booked_host_warns_and_saves_nothing_until_confirmed()
    {
        var host = TestData.Unique("Host");
        var first = await ScheduleAsync(host: host);
        var second = await ScheduleAsync(new DateOnly(2024, 10, 9), host);
        var move = new EditVisit.Command
        {
            VisitId = second,
            Version = 0,
            Purpose = "Introduce WeGO",
            Date = new DateOnly(2024, 10, 7),
            StartTime = new TimeOnly(11, 0),
            EndTime = new TimeOnly(11, 30),
            Venue = "Another room",
            OtherHostName = host,
        };

        var warned = await portal.SendAsync(move);

        Assert.False(warned.Saved);
        Assert.Equal(first, Assert.Single(warned.Conflicts).VisitId);
        Assert.Equal(new DateOnly(2024, 10, 9), DateOnly.FromDateTime((await VisitAsync(second)).Plan.StartsAtUtc));
        Assert.True((await portal.SendAsync(move with { ScheduleDespiteConflicts = true })).Saved);
    }

    [Fact]
    public async Task A_completed_visit_cannot_be_rescheduled()
    {
        var id = await ScheduleAsync();
        await portal.SendAsync(new ConfirmVisit.Command(id, 0));
        await portal.SendAsync(new CompleteVisit.Command(id, 1));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            portal.SendAsync(
                new EditVisit.Command
                {
                    VisitId = id,
                    Version = 2,
                    Purpose = "x",
                    Date = new DateOnly(2024, 10, 8),
                    StartTime = new TimeOnly(10, 0),
                    EndTime = new TimeOnly(11, 0),
                    Venue = "v",
                    OtherHostName = "h",
                }
            )
        );

        Assert.Equal("Visit.AlreadyCompleted", refused.Code);
    }

    [Fact]
    public async Task The_visit_page_lists_the_head_of_delegation_first_then_delegates_by_name()
    {
        var id = await ScheduleAsync();
        await portal.SendAsync(
            new AddDelegate.Command
            {
                VisitId = id,
                Version = 0,
                FullName = "Zainal Abidin",
                Role = DelegationRole.Delegate,
            }
        );
        await portal.SendAsync(
            new AddDelegate.Command
            {
                VisitId = id,
                Version = 1,
                FullName = "Lee Kai Yet",
                Title = "Councillor",
                Role = DelegationRole.HeadOfDelegation,
            }
        );
        await portal.SendAsync(
            new AddDelegate.Command
            {
                VisitId = id,
                Version = 2,
                FullName = "Aminah Yusof",
                Role = DelegationRole.Delegate,
            }
        );

        var visit = await VisitAsync(id);

        Assert.Equal(["Lee Kai Yet", "Aminah Yusof", "Zainal Abidin"], visit.Roster.Select(m => m.FullName));
        Assert.Equal(3, visit.Delegation.Headcount);
        Assert.Equal("Lee Kai Yet", visit.Delegation.HeadOfDelegation);
    }

    [Fact]
    public async Task The_visit_shows_its_follow_ups_as_the_follow_up_pages_do_overdue_counted_in_the_viewers_day()
    {
        var id = await ScheduleAsync();
        var today = LocalDays.Today(TimeProvider.System, VenueTime.Seoul);
        await portal.SendAsync(
            new AddFollowUp.Command
            {
                VisitId = id,
                Description = "Send the membership application form",
                OwnerName = "Jeong-kee Kim",
                DueOn = today.AddDays(-3),
            }
        );
        await portal.SendAsync(
            new AddFollowUp.Command
            {
                VisitId = id,
                Description = "Share the feasibility-study call",
                OwnerName = "Jeong-kee Kim",
                DueOn = today.AddDays(7),
            }
        );

        var other = await ScheduleAsync();
        await portal.SendAsync(
            new AddFollowUp.Command
            {
                VisitId = other,
                Description = "Another visit's follow-up",
                OwnerName = "Jeong-kee Kim",
                DueOn = today.AddDays(-5),
            }
        );

        var followUps = (await VisitAsync(id)).FollowUps;

        Assert.Equal(
            [("Send the membership application form", true), ("Share the feasibility-study call", false)],
            followUps.Select(f => (f.Description, f.IsOverdue))
        );
        Assert.All(followUps, f => Assert.Equal(FollowUpStatus.Open, f.Status));
    }
}
