using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>Follow-ups of a visit, with the clock at 20 November 2024, 12:00 in Seoul: six weeks after the Seremban
/// visit, when two of its three follow-ups (<see cref="TestData.SerembanFollowUpsAsync"/>) are overdue (due 25 October
/// and 8 November) and one is done.</summary>
public sealed class FollowUpTests : IClassFixture<FollowUpTests.Portal>
{
    private static readonly DateTimeOffset Noon20NovemberSeoul = new(2024, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2024, 11, 20);

    private readonly ClockedPortal portal;

    public FollowUpTests(Portal fixture)
    {
        portal = fixture.Host;
        Clock.Now = Noon20NovemberSeoul;
    }

    /// <summary>One portal for the class. Its tests never run in parallel, so each sets the clock at its start (the
    /// constructor: noon on 20 November in Seoul).</summary>
    public sealed class Portal : IDisposable
    {
        internal ClockedPortal Host { get; } =
            (ClockedPortal)new ClockedPortal(new FixedClock(Noon20NovemberSeoul)).Start();

        public void Dispose() => Host.Dispose();
    }

    private FixedClock Clock => portal.Clock;

    /// <summary>A visit of the test's own: Seremban's, for a uniquely named council.</summary>
    private Task<int> VisitAsync(string? city = null) =>
        portal.ScheduleVisitAsync(c => c with { OrganizationName = city ?? c.OrganizationName });

    /// <summary>A colleague of the test's own: <paramref name="name"/> made unique.</summary>
    private async Task<Colleague> ColleagueAsync(string name, string role = Roles.SecretariatStaff)
    {
        var unique = TestData.Unique(name).Replace(' ', '-');
        var id = await portal.CreateStaffAsync($"{unique}@we-gov.org", "Colleague-Password-2024", role);
        return new Colleague(id, unique);
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
        var visitId = await VisitAsync();
        var mina = await ColleagueAsync("mina");

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
        Assert.Equal(mina.Name, followUp.OwnerName);
        Assert.Equal(new DateOnly(2024, 12, 2), followUp.DueOn);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Equal(visitId, followUp.VisitId);
        Assert.Equal(Noon20NovemberSeoul.UtcDateTime, followUp.CreatedAtUtc);
    }

    [Fact]
    public async Task A_follow_up_for_someone_without_an_account_keeps_the_typed_name()
    {
        var visitId = await VisitAsync();

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
        var visitId = await VisitAsync();
        var before = await portal.WithDbAsync(db => db.FollowUps.CountAsync());

        var refused = await Assert.ThrowsAnyAsync<ValidationException>(async () =>
            await portal.SendAsync(command with { VisitId = visitId })
        );

        Assert.Equal([field], refused.Errors.Select(e => e.PropertyName).Distinct());
        Assert.Equal(before, await portal.WithDbAsync(db => db.FollowUps.CountAsync()));
    }

    [Fact]
    public async Task A_due_date_exactly_two_years_ahead_in_Seoul_is_accepted()
    {
        var visitId = await VisitAsync();

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
        var visitId = await VisitAsync();
        var roleless = await portal.CreateStaffAsync(
            $"{TestData.Unique("former").Replace(' ', '-')}@we-gov.org",
            "Colleague-Password-2024"
        );

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
        var visitId = await portal.ScheduleCancelledVisitAsync(
            c => c with { Date = new DateOnly(2025, 3, 4) },
            "Travel cancelled"
        );

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
        var visitId = await VisitAsync();
        var mina = await ColleagueAsync("mina");
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
        var visitId = await VisitAsync();
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
        var visitId = await VisitAsync();
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
        var visitId = await VisitAsync();
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
        var visitId = await VisitAsync();
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
        var city = TestData.Unique("Seremban City Council");
        var visitId = await VisitAsync(city);
        var mina = await ColleagueAsync("mina");
        var jun = await ColleagueAsync("jun");
        var later = await AddAsync(visitId, "Mine, due later", mina, dueOn: Today.AddDays(10));
        var overdue = await AddAsync(visitId, "Mine, overdue", mina, dueOn: Today.AddDays(-3));
        var dueToday = await AddAsync(visitId, "Mine, due today", mina, dueOn: Today);
        var closedLately = await AddAsync(visitId, "Mine, done last week", mina, dueOn: Today.AddDays(-20));
        var closedLongAgo = await AddAsync(visitId, "Mine, done two months ago", mina, dueOn: Today.AddDays(-70));
        await AddAsync(visitId, "Jun's", jun, dueOn: Today.AddDays(-5));
        await AddAsync(visitId, "Someone outside the portal", ownerName: mina.Name, dueOn: Today);

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
        Assert.All(mine, r => Assert.Equal(city, r.City));
        Assert.All(mine, r =>
            Assert.Equal(
                new DateOnly(2024, 10, 7),
                DateOnly.FromDateTime(VenueTime.ToLocal(r.VisitStartsAtUtc!.Value, r.VisitTimeZoneId!))
            )
        );
        Assert.Equal(mina.Name, mine[^1].ClosedBy);
        Assert.Equal(
            ["Jun's"],
            (await portal.SendAsAsync(jun, new ListMyFollowUps.Query())).Select(r => r.Description)
        );
        Assert.Empty(await portal.SendAsync(new ListMyFollowUps.Query()));
    }

    [Fact]
    public async Task The_overdue_list_holds_every_open_follow_up_past_due_the_oldest_first_with_days_overdue()
    {
        var city = TestData.Unique("Seremban City Council");
        var visitId = await VisitAsync(city);
        var before = (await portal.SendAsync(new ListOverdueFollowUps.Query())).TotalCount;
        await portal.SerembanFollowUpsAsync(visitId);
        var mina = await ColleagueAsync("mina");
        var yesterday = await AddAsync(visitId, "Due yesterday", mina, dueOn: Today.AddDays(-1));
        await AddAsync(visitId, "Due today", mina, dueOn: Today);
        var dropped = await AddAsync(
            visitId,
            "Dropped, long overdue",
            ownerName: "Lii Inn Tan",
            dueOn: Today.AddDays(-60)
        );
        await portal.SendAsync(new DropFollowUp.Command(dropped, (await FollowUpAsync(dropped)).Version));

        var overdue = await portal.SendAsync(
            new ListOverdueFollowUps.Query(PageSize: ListOverdueFollowUps.MaxPageSize)
        );

        Assert.Equal(before + 3, overdue.TotalCount);
        Assert.Equal(Today, overdue.Today);
        // The visit's own rows, in the order of the whole list.
        var rows = overdue.Rows.Where(r => r.VisitId == visitId).ToList();
        Assert.Equal(
            [
                "Share member cases on urban-planning strategy and inclusion",
                "Propose feasibility-study options",
                "Due yesterday",
            ],
            rows.Select(r => r.Description)
        );
        Assert.Equal([26, 12, 1], rows.Select(r => r.DaysOverdue));
        Assert.Equal(["Lii Inn Tan", "Jeong-kee Kim", mina.Name], rows.Select(r => r.OwnerName));
        Assert.All(rows, r => Assert.Equal(city, r.City));
        Assert.Equal(yesterday, rows[^1].Id);
        Assert.Equal(overdue.Rows.OrderBy(r => r.DueOn).ThenBy(r => r.Id), overdue.Rows);
    }

    [Fact]
    public async Task The_overdue_list_is_paged_and_counts_days_in_Seoul()
    {
        var visitId = await VisitAsync();
        await portal.SerembanFollowUpsAsync(visitId);

        // 16:00 UTC on 20 November is 01:00 on 21 November in Seoul: a follow-up due on the 20th is now a day late.
        Clock.Now = new DateTimeOffset(2024, 11, 20, 16, 0, 0, TimeSpan.Zero);
        var before = (await portal.SendAsync(new ListOverdueFollowUps.Query())).TotalCount;
        var id = await AddAsync(visitId, "Due on the 20th", ownerName: "Lii Inn Tan", dueOn: Today);
        var all = await portal.SendAsync(new ListOverdueFollowUps.Query(PageSize: ListOverdueFollowUps.MaxPageSize));
        var lastPage = (all.TotalCount + 1) / 2;
        var last = await portal.SendAsync(new ListOverdueFollowUps.Query(Page: lastPage, PageSize: 2));
        var beyond = await portal.SendAsync(new ListOverdueFollowUps.Query(Page: lastPage + 7, PageSize: 2));

        // At least three overdue (the visit's two and this one): two pages or more of two.
        Assert.Equal(before + 1, all.TotalCount);
        Assert.InRange(lastPage, 2, int.MaxValue);
        Assert.Equal(all.TotalCount, last.TotalCount);
        Assert.Equal(lastPage, last.PageCount);
        Assert.Equal(lastPage, last.Page);
        Assert.Equal(all.Rows.Skip((lastPage - 1) * 2).Select(r => r.Id), last.Rows.Select(r => r.Id));
        // Due the latest and added the last, it ends the list.
        var row = last.Rows[^1];
        Assert.Equal((id, "Due on the 20th"), (row.Id, row.Description));
        Assert.Equal(1, row.DaysOverdue);
        Assert.Equal(lastPage, beyond.Page);
    }

    [Fact]
    public async Task The_navigation_badge_counts_only_my_overdue_follow_ups()
    {
        var visitId = await VisitAsync();
        var mina = await ColleagueAsync("mina");
        await AddAsync(visitId, "Mine, overdue", mina, dueOn: Today.AddDays(-3));
        await AddAsync(visitId, "Mine, due today", mina, dueOn: Today);

        Assert.Equal(1, await portal.SendAsAsync(mina, new CountMyOverdueFollowUps.Query()));
        Assert.Equal(0, await portal.SendAsync(new CountMyOverdueFollowUps.Query()));
    }

    [Fact]
    public async Task The_staff_list_for_choosing_an_owner_holds_accounts_with_a_staff_role_by_name()
    {
        var zoe = await ColleagueAsync("zoe", Roles.ProgramDirector);
        var amy = await ColleagueAsync("amy");
        var norole = TestData.Unique("norole").Replace(' ', '-');
        await portal.CreateStaffAsync($"{norole}@we-gov.org", "Colleague-Password-2024");

        var choices = await portal.SendAsync(new ListStaffForChoice.Query());

        // Other tests' colleagues are in the list too: these four show the rule and the order.
        string[] these = ["Administrator", zoe.Name, amy.Name, norole];
        Assert.Equal(["Administrator", amy.Name, zoe.Name], choices.Select(c => c.Name).Where(these.Contains));
    }
}
