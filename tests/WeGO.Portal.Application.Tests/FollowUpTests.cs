using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Follow-ups of a visit, with the clock at 20 November 2024, 12:00 in Seoul: six weeks after the Seremban
/// visit, when two of its three follow-ups are overdue (due 25 October and 8 November) and one was done on 11
/// October.</summary>
public sealed class FollowUpTests : IDisposable
{
    private static readonly DateTimeOffset Noon20NovemberSeoul = new(2024, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2024, 11, 20);

    // Still walks the demo data (the Seremban visit); to be moved onto TestData.
    private readonly ClockedPortal portal = (ClockedPortal)
        new ClockedPortal(new FixedClock(Noon20NovemberSeoul)) { SeedDemo = true }.Start();

    public void Dispose() => portal.Dispose();

    private FixedClock Clock => portal.Clock;

    private Task<int> DemoVisitAsync() => portal.WithDbAsync(db => db.Visits.Select(v => v.Id).SingleAsync());

    private async Task<Colleague> ColleagueAsync(string email, string role = Roles.SecretariatStaff)
    {
        var id = await portal.CreateStaffAsync(email, "Colleague-Password-2024", role);
        return new Colleague(id, email.Split('@')[0]);
    }

    private Task<FollowUp> FollowUpAsync(int id) =>
        portal.WithDbAsync(db => db.FollowUps.AsNoTracking().SingleAsync(f => f.Id == id));

    private async Task<int> AddAsync(
        int visitId,
        string description,
        Colleague? owner = null,
        string? ownerName = null,
        DateOnly? dueOn = null
    ) =>
        (
            await portal.SendAsync(
                new AddFollowUp.Command
                {
                    VisitId = visitId,
                    Description = description,
                    OwnerUserId = owner?.UserId,
                    OwnerName = ownerName,
                    DueOn = dueOn ?? Today.AddDays(7),
                }
            )
        ).Value;

    [Fact]
    public async Task A_follow_up_for_a_colleague_takes_their_name_from_their_account_and_starts_open()
    {
        var visitId = await DemoVisitAsync();
        var mina = await ColleagueAsync("mina@we-gov.org");

        var id = await AddAsync(
            visitId,
            "  Send the smart-city prize call  ",
            mina,
            ownerName: "ignored when a colleague is chosen",
            dueOn: new DateOnly(2024, 12, 2)
        );

        var followUp = await FollowUpAsync(id);
        Assert.Equal("Send the smart-city prize call", followUp.Description);
        Assert.Equal(mina.UserId, followUp.OwnerUserId);
        Assert.Equal("mina", followUp.OwnerName);
        Assert.Equal(new DateOnly(2024, 12, 2), followUp.DueOn);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Equal(visitId, followUp.VisitId);
        Assert.Equal(Noon20NovemberSeoul.UtcDateTime, followUp.CreatedAtUtc);
    }

    [Fact]
    public async Task A_follow_up_for_someone_without_an_account_keeps_the_typed_name()
    {
        var visitId = await DemoVisitAsync();

        var id = await AddAsync(visitId, "Confirm the council's membership decision", ownerName: " Lee Kai Yet ");

        var followUp = await FollowUpAsync(id);
        Assert.Equal("Lee Kai Yet", followUp.OwnerName);
        Assert.Null(followUp.OwnerUserId);
    }

    public static TheoryData<string, AddFollowUp.Command> InvalidCommands() =>
        new()
        {
            {
                nameof(AddFollowUp.Command.Description),
                new AddFollowUp.Command
                {
                    Description = " ",
                    OwnerName = "Lii Inn Tan",
                    DueOn = Today,
                }
            },
            {
                nameof(AddFollowUp.Command.Description),
                new AddFollowUp.Command
                {
                    Description = new string('x', 1001),
                    OwnerName = "Lii Inn Tan",
                    DueOn = Today,
                }
            },
            {
                nameof(AddFollowUp.Command.OwnerName),
                new AddFollowUp.Command
                {
                    Description = "Call back",
                    OwnerName = "",
                    OwnerUserId = null,
                    DueOn = Today,
                }
            },
            {
                nameof(AddFollowUp.Command.OwnerName),
                new AddFollowUp.Command
                {
                    Description = "Call back",
                    OwnerName = new string('x', 201),
                    DueOn = Today,
                }
            },
            {
                nameof(AddFollowUp.Command.OwnerUserId),
                new AddFollowUp.Command
                {
                    Description = "Call back",
                    OwnerUserId = new string('x', 451),
                    DueOn = Today,
                }
            },
            {
                nameof(AddFollowUp.Command.DueOn),
                new AddFollowUp.Command
                {
                    Description = "Call back",
                    OwnerName = "Lii Inn Tan",
                    DueOn = null,
                }
            },
            {
                nameof(AddFollowUp.Command.DueOn),
                new AddFollowUp.Command
                {
                    Description = "Call back",
                    OwnerName = "Lii Inn Tan",
                    DueOn = Today.AddYears(2).AddDays(1),
                }
            },
        };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public async Task An_invalid_follow_up_is_refused_on_the_field_at_fault_and_nothing_is_saved(
        string field,
        AddFollowUp.Command command
    )
    {
        var visitId = await DemoVisitAsync();

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(async () =>
            await portal.SendAsync(command with { VisitId = visitId })
        );

        Assert.Equal([field], refused.Errors.Select(e => e.PropertyName).Distinct());
        Assert.Equal(3, await portal.WithDbAsync(db => db.FollowUps.CountAsync()));
    }

    [Fact]
    public async Task A_due_date_exactly_two_years_ahead_in_Seoul_is_accepted()
    {
        var visitId = await DemoVisitAsync();

        // 23:30 UTC on 19 November is already 20 November in Seoul.
        Clock.Now = new DateTimeOffset(2024, 11, 19, 23, 30, 0, TimeSpan.Zero);
        var id = await AddAsync(
            visitId,
            "Check in a year later",
            ownerName: "Lii Inn Tan",
            dueOn: new DateOnly(2026, 11, 20)
        );

        Assert.Equal(new DateOnly(2026, 11, 20), (await FollowUpAsync(id)).DueOn);
    }

    [Fact]
    public async Task A_colleague_without_a_staff_account_cannot_own_a_follow_up()
    {
        var visitId = await DemoVisitAsync();
        var roleless = await portal.CreateStaffAsync("former@we-gov.org", "Colleague-Password-2024");

        var unknown = await Assert.ThrowsAsync<DomainException>(() =>
            AddAsync(visitId, "Call back", new Colleague("no-such-user", "Nobody"))
        );
        var withoutRole = await Assert.ThrowsAsync<DomainException>(() =>
            AddAsync(visitId, "Call back", new Colleague(roleless, "former"))
        );

        Assert.Equal("FollowUp.OwnerUnknown", unknown.Code);
        Assert.Equal("FollowUp.OwnerUnknown", withoutRole.Code);
    }

    [Fact]
    public async Task A_cancelled_visit_takes_no_follow_ups()
    {
        var visitId = await portal.WithDbAsync(async db =>
        {
            var city = new Organization("Cancelled City", "KR", Region.EastAsia, OrganizationKind.LocalGovernment);
            var visit = Visit.Schedule(
                city,
                "Study visit",
                "Secretariat",
                new DateOnly(2025, 3, 4),
                new TimeOnly(10, 0),
                new TimeOnly(11, 0),
                VenueTime.Seoul,
                Noon20NovemberSeoul.UtcDateTime
            );
            visit.Cancel("Travel cancelled");
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            return visit.Id;
        });

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            AddAsync(visitId, "Send the brochure", ownerName: "Lii Inn Tan")
        );

        Assert.Equal("Visit.Cancelled", refused.Code);
        Assert.False(await portal.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.VisitId == visitId)));
    }

    [Fact]
    public async Task A_follow_up_for_a_visit_that_does_not_exist_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            AddAsync(9999, "Send the brochure", ownerName: "Lii Inn Tan")
        );

        Assert.Equal("Visit.NotFound", refused.Code);
    }

    [Fact]
    public async Task Completing_a_follow_up_records_who_and_when()
    {
        var visitId = await DemoVisitAsync();
        var mina = await ColleagueAsync("mina@we-gov.org");
        var id = await AddAsync(visitId, "Send the prize call", mina);
        var version = (await FollowUpAsync(id)).Version;

        Clock.Now = Noon20NovemberSeoul.AddHours(5);
        await portal.SendAsAsync(new Colleague(mina.UserId, "Mina Park"), new CompleteFollowUp.Command(id, version));

        var done = await FollowUpAsync(id);
        Assert.Equal(FollowUpStatus.Done, done.Status);
        Assert.Equal("Mina Park", done.ClosedBy);
        Assert.Equal(Noon20NovemberSeoul.AddHours(5).UtcDateTime, done.ClosedAtUtc);
        Assert.Equal(version + 1, done.Version);
    }

    [Fact]
    public async Task Dropping_a_follow_up_records_who_and_when()
    {
        var visitId = await DemoVisitAsync();
        var id = await AddAsync(visitId, "Book a second visit", ownerName: "Lii Inn Tan");
        var version = (await FollowUpAsync(id)).Version;

        await portal.SendAsAsync(new Colleague("director-id", "Lii Inn Tan"), new DropFollowUp.Command(id, version));

        var dropped = await FollowUpAsync(id);
        Assert.Equal(FollowUpStatus.Dropped, dropped.Status);
        Assert.Equal("Lii Inn Tan", dropped.ClosedBy);
        Assert.Equal(Noon20NovemberSeoul.UtcDateTime, dropped.ClosedAtUtc);
    }

    [Fact]
    public async Task Reopening_a_closed_follow_up_clears_who_closed_it_and_the_history_says_who_reopened_it()
    {
        var visitId = await DemoVisitAsync();
        var id = await AddAsync(visitId, "Book a second visit", ownerName: "Lii Inn Tan");
        await portal.SendAsAsync(
            new Colleague("staff-id", "Mina Park"),
            new DropFollowUp.Command(id, (await FollowUpAsync(id)).Version)
        );

        await portal.SendAsAsync(
            new Colleague("other-id", "Jun Choi"),
            new ReopenFollowUp.Command(id, (await FollowUpAsync(id)).Version)
        );

        var reopened = await FollowUpAsync(id);
        Assert.Equal(FollowUpStatus.Open, reopened.Status);
        Assert.Null(reopened.ClosedBy);
        Assert.Null(reopened.ClosedAtUtc);
        var history = await portal.WithDbAsync(db =>
            db.AuditEntries.Where(a =>
                    a.EntityType == nameof(FollowUp)
                    && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                )
                .OrderBy(a => a.Id)
                .Select(a => a.ActorName)
                .ToListAsync()
        );
        Assert.Equal([PortalFactoryExtensions.AnyStaffName, "Mina Park", "Jun Choi"], history);
    }

    [Fact]
    public async Task A_closed_follow_up_cannot_be_closed_again_nor_an_open_one_reopened()
    {
        var visitId = await DemoVisitAsync();
        var id = await AddAsync(visitId, "Book a second visit", ownerName: "Lii Inn Tan");

        var reopenOpen = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(new ReopenFollowUp.Command(id, (await FollowUpAsync(id)).Version))
        );
        await portal.SendAsync(new CompleteFollowUp.Command(id, (await FollowUpAsync(id)).Version));
        var dropDone = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(new DropFollowUp.Command(id, (await FollowUpAsync(id)).Version))
        );

        Assert.Equal("FollowUp.AlreadyOpen", reopenOpen.Code);
        Assert.Equal("FollowUp.NotOpen", dropDone.Code);
        Assert.Equal(FollowUpStatus.Done, (await FollowUpAsync(id)).Status);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_changes()
    {
        var visitId = await DemoVisitAsync();
        var id = await AddAsync(visitId, "Send the prize call", ownerName: "Lii Inn Tan");
        var seen = (await FollowUpAsync(id)).Version;
        await portal.SendAsAsync(new Colleague("a", "Mina Park"), new CompleteFollowUp.Command(id, seen));
        await portal.SendAsAsync(new Colleague("a", "Mina Park"), new ReopenFollowUp.Command(id, seen + 1));
        var before = await FollowUpAsync(id);

        // Someone who opened the list before those two changes presses "Drop", then "Done".
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsAsync(new Colleague("b", "Jun Choi"), new DropFollowUp.Command(id, seen))
        );
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await portal.SendAsAsync(new Colleague("b", "Jun Choi"), new CompleteFollowUp.Command(id, seen))
        );

        var after = await FollowUpAsync(id);
        Assert.Equal(FollowUpStatus.Open, after.Status);
        Assert.Null(after.ClosedBy);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Closing_a_follow_up_that_does_not_exist_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await portal.SendAsync(new CompleteFollowUp.Command(9999, 0))
        );

        Assert.Equal("FollowUp.NotFound", refused.Code);
    }

    [Fact]
    public async Task My_follow_ups_shows_only_mine_open_first_then_recently_closed_each_by_due_date()
    {
        var visitId = await DemoVisitAsync();
        var mina = await ColleagueAsync("mina@we-gov.org");
        var jun = await ColleagueAsync("jun@we-gov.org");
        var later = await AddAsync(visitId, "Mine, due later", mina, dueOn: Today.AddDays(10));
        var overdue = await AddAsync(visitId, "Mine, overdue", mina, dueOn: Today.AddDays(-3));
        var dueToday = await AddAsync(visitId, "Mine, due today", mina, dueOn: Today);
        var closedLately = await AddAsync(visitId, "Mine, done last week", mina, dueOn: Today.AddDays(-20));
        var closedLongAgo = await AddAsync(visitId, "Mine, done two months ago", mina, dueOn: Today.AddDays(-70));
        await AddAsync(visitId, "Jun's", jun, dueOn: Today.AddDays(-5));
        await AddAsync(visitId, "Someone outside the portal", ownerName: "mina", dueOn: Today);

        Clock.Now = Noon20NovemberSeoul.AddDays(-ListMyFollowUps.RecentDays - 10);
        await portal.SendAsAsync(
            mina,
            new CompleteFollowUp.Command(closedLongAgo, (await FollowUpAsync(closedLongAgo)).Version)
        );
        Clock.Now = Noon20NovemberSeoul.AddDays(-7);
        await portal.SendAsAsync(
            mina,
            new CompleteFollowUp.Command(closedLately, (await FollowUpAsync(closedLately)).Version)
        );
        Clock.Now = Noon20NovemberSeoul;

        var mine = await portal.SendAsAsync(mina, new ListMyFollowUps.Query());

        Assert.Equal([overdue, dueToday, later, closedLately], mine.Select(r => r.Id));
        Assert.Equal([true, false, false, false], mine.Select(r => r.IsOverdue));
        Assert.All(mine, r => Assert.Equal("Seremban City Council", r.City));
        Assert.All(mine, r =>
            Assert.Equal(
                new DateOnly(2024, 10, 7),
                DateOnly.FromDateTime(VenueTime.ToLocal(r.VisitStartsAtUtc!.Value, r.VisitTimeZoneId!))
            )
        );
        Assert.Equal("mina", mine[^1].ClosedBy);
        Assert.Equal(
            ["Jun's"],
            (await portal.SendAsAsync(jun, new ListMyFollowUps.Query())).Select(r => r.Description)
        );
        Assert.Empty(await portal.SendAsync(new ListMyFollowUps.Query()));
    }

    [Fact]
    public async Task The_overdue_list_holds_every_open_follow_up_past_due_the_oldest_first_with_days_overdue()
    {
        var visitId = await DemoVisitAsync();
        var mina = await ColleagueAsync("mina@we-gov.org");
        var yesterday = await AddAsync(visitId, "Due yesterday", mina, dueOn: Today.AddDays(-1));
        await AddAsync(visitId, "Due today", mina, dueOn: Today);
        var dropped = await AddAsync(
            visitId,
            "Dropped, long overdue",
            ownerName: "Lii Inn Tan",
            dueOn: Today.AddDays(-60)
        );
        await portal.SendAsync(new DropFollowUp.Command(dropped, (await FollowUpAsync(dropped)).Version));

        var overdue = await portal.SendAsync(new ListOverdueFollowUps.Query());

        Assert.Equal(3, overdue.TotalCount);
        Assert.Equal(Today, overdue.Today);
        Assert.Equal(
            [
                "Share member cases on urban-planning strategy and inclusion",
                "Propose feasibility-study options",
                "Due yesterday",
            ],
            overdue.Rows.Select(r => r.Description)
        );
        Assert.Equal([26, 12, 1], overdue.Rows.Select(r => r.DaysOverdue));
        Assert.Equal(["Lii Inn Tan", "Jeong-kee Kim", "mina"], overdue.Rows.Select(r => r.OwnerName));
        Assert.All(overdue.Rows, r => Assert.Equal("Seremban City Council", r.City));
        Assert.Equal(yesterday, overdue.Rows[^1].Id);
    }

    [Fact]
    public async Task The_overdue_list_is_paged_and_counts_days_in_Seoul()
    {
        var visitId = await DemoVisitAsync();
        await AddAsync(visitId, "Due on the 20th", ownerName: "Lii Inn Tan", dueOn: Today);

        // 16:00 UTC on 20 November is 01:00 on 21 November in Seoul: the follow-up due on the 20th is now a day late.
        Clock.Now = new DateTimeOffset(2024, 11, 20, 16, 0, 0, TimeSpan.Zero);
        var second = await portal.SendAsync(new ListOverdueFollowUps.Query(Page: 2, PageSize: 2));
        var beyond = await portal.SendAsync(new ListOverdueFollowUps.Query(Page: 9, PageSize: 2));

        Assert.Equal(3, second.TotalCount);
        Assert.Equal(2, second.PageCount);
        Assert.Equal(2, second.Page);
        var row = Assert.Single(second.Rows);
        Assert.Equal("Due on the 20th", row.Description);
        Assert.Equal(1, row.DaysOverdue);
        Assert.Equal(2, beyond.Page);
    }

    [Fact]
    public async Task The_navigation_badge_counts_only_my_overdue_follow_ups()
    {
        var visitId = await DemoVisitAsync();
        var mina = await ColleagueAsync("mina@we-gov.org");
        await AddAsync(visitId, "Mine, overdue", mina, dueOn: Today.AddDays(-3));
        await AddAsync(visitId, "Mine, due today", mina, dueOn: Today);

        Assert.Equal(1, await portal.SendAsAsync(mina, new CountMyOverdueFollowUps.Query()));
        Assert.Equal(0, await portal.SendAsync(new CountMyOverdueFollowUps.Query()));
    }

    [Fact]
    public async Task The_staff_list_for_choosing_an_owner_holds_accounts_with_a_staff_role_by_name()
    {
        await ColleagueAsync("zoe@we-gov.org", Roles.ProgramDirector);
        await ColleagueAsync("amy@we-gov.org");
        await portal.CreateStaffAsync("norole@we-gov.org", "Colleague-Password-2024");

        var choices = await portal.SendAsync(new ListStaffForChoice.Query());

        Assert.Equal(["Administrator", "amy", "zoe"], choices.Select(c => c.Name));
    }
}
