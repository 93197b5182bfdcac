using System.Text;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Staff;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The protocol details through the use cases: honorific and interpretation needs through add, edit and
/// import, the order of precedence, check-in, and who sees the delegates' needs. Each test works on a Seremban
/// visit of its own.</summary>
public sealed class ProtocolTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Colleague Director = new(
        "director-protocol",
        "Program Director",
        Roles: [Roles.ProgramDirector]
    );

    private static readonly Colleague Staff = new(
        "staff-protocol",
        "Secretariat Staff",
        Roles: [Roles.SecretariatStaff]
    );

    private async Task<GetRoster.Roster> RosterAsync(int visitId) =>
        await portal.SendAsync(new GetRoster.Query(visitId, WithNeeds: false))
        ?? throw new InvalidOperationException("No visit " + visitId);

    private async Task<int> AddAsync(
        int visitId,
        string name,
        DelegationRole role = DelegationRole.Delegate,
        string? honorific = null,
        string? dietary = null
    ) =>
        (
            await portal.SendAsync(
                new AddDelegate.Command
                {
                    VisitId = visitId,
                    Version = (await RosterAsync(visitId)).Version,
                    FullName = name,
                    Title = "Councillor",
                    Role = role,
                    Honorific = honorific,
                    InterpretationNeeds = honorific is null ? null : "Malay to Korean",
                    DietaryNeeds = dietary,
                }
            )
        ).Value;

    /// <summary>Saves Lee Kai Yet, head of delegation, with what <paramref name="change"/> sets (the rest
    /// empty).</summary>
    private async Task EditHeadAsync(int visitId, int id, Func<EditDelegate.Command, EditDelegate.Command> change) =>
        await portal.SendAsync(
            change(
                new EditDelegate.Command
                {
                    VisitId = visitId,
                    Version = (await RosterAsync(visitId)).Version,
                    MemberId = id,
                    FullName = "Lee Kai Yet",
                    Role = DelegationRole.HeadOfDelegation,
                }
            )
        );

    private async Task MoveAsync(int visitId, int memberId, int offset) =>
        await portal.SendAsync(
            new MoveDelegate.Command
            {
                VisitId = visitId,
                Version = (await RosterAsync(visitId)).Version,
                MemberId = memberId,
                Offset = offset,
            }
        );

    private Task<List<string>> HistoryAsync(int visitId)
    {
        var id = visitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return portal.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.EntityType == nameof(Visit) && a.EntityId == id)
                .OrderBy(a => a.Id)
                .Select(a => a.ActorName + ": " + a.Action + " " + a.Changes)
                .ToListAsync()
        );
    }

    [Fact]
    public async Task Honorific_and_interpretation_needs_go_through_add_and_edit()
    {
        var visitId = await portal.ScheduleVisitAsync();
        var id = await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation, honorific: "Dato'");

        var added = Assert.Single((await RosterAsync(visitId)).Members);
        Assert.Equal(
            ("Dato'", "Malay to Korean", "Dato' Lee Kai Yet"),
            (added.Honorific, added.InterpretationNeeds, added.AddressedAs)
        );

        await EditHeadAsync(visitId, id, c => c with { Honorific = "Dato' Seri", InterpretationNeeds = null });

        var edited = Assert.Single((await RosterAsync(visitId)).Members);
        Assert.Equal(("Dato' Seri", null), (edited.Honorific, edited.InterpretationNeeds));
    }

    [Fact]
    public async Task Honorific_and_interpretation_needs_are_read_from_a_roster_file_in_its_order()
    {
        var visitId = await portal.ScheduleVisitAsync();
        const string csv =
            "이름,역할,호칭,통역 요구 사항\n"
            + "김정기,대표단원,박사,한국어-영어\n"
            + "Lee Kai Yet,단장,Dato',Malay to Korean\n"
            + "Tan Wei Ming,대표단원,,\n";

        var result = await portal.SendAsync(
            new ImportRoster.Command
            {
                VisitId = visitId,
                Version = (await RosterAsync(visitId)).Version,
                Content = Encoding.UTF8.GetBytes(csv),
            }
        );

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        var members = (await RosterAsync(visitId)).Members;
        Assert.Equal(
            ["Dato' Lee Kai Yet|Malay to Korean", "박사 김정기|한국어-영어", "Tan Wei Ming|"],
            members.Select(m => $"{m.AddressedAs}|{m.InterpretationNeeds}")
        );
    }

    [Fact]
    public async Task A_too_long_honorific_is_refused_by_row_and_column()
    {
        var visitId = await portal.ScheduleVisitAsync();
        var csv = $"name,honorific\nLee Kai Yet,{new string('D', DelegationMember.HonorificMaxLength + 1)}\n";

        var result = await portal.SendAsync(
            new ImportRoster.Command
            {
                VisitId = visitId,
                Version = (await RosterAsync(visitId)).Version,
                Content = Encoding.UTF8.GetBytes(csv),
            }
        );

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "honorific"), (problem.Row, problem.Column));
        Assert.Empty((await RosterAsync(visitId)).Members);
    }

    [Fact]
    public async Task Staff_reorder_delegates_and_the_head_stays_first()
    {
        var visitId = await portal.ScheduleVisitAsync();
        var aminah = await AddAsync(visitId, "Aminah Yusof");
        await AddAsync(visitId, "Tan Wei Ming");
        var siti = await AddAsync(visitId, "Siti Hassan");
        await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation);

        await MoveAsync(visitId, siti, -1);
        await MoveAsync(visitId, siti, -1);
        await MoveAsync(visitId, siti, -1);
        await MoveAsync(visitId, aminah, 1);

        Assert.Equal(
            ["Lee Kai Yet", "Siti Hassan", "Tan Wei Ming", "Aminah Yusof"],
            (await RosterAsync(visitId)).Members.Select(m => m.FullName)
        );
    }

    [Fact]
    public async Task Check_in_marks_and_unmarks_and_counts_arrivals_without_a_version()
    {
        var visitId = await portal.ScheduleVisitAsync();
        var lee = await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation);
        var aminah = await AddAsync(visitId, "Aminah Yusof");
        await AddAsync(visitId, "Tan Wei Ming");

        await portal.SendAsAsync(
            Staff,
            new CheckInDelegate.Command
            {
                VisitId = visitId,
                MemberId = lee,
                Arrived = true,
            }
        );
        await portal.SendAsAsync(
            Staff,
            new CheckInDelegate.Command
            {
                VisitId = visitId,
                MemberId = aminah,
                Arrived = true,
            }
        );
        var two = await RosterAsync(visitId);
        await portal.SendAsAsync(
            Staff,
            new CheckInDelegate.Command
            {
                VisitId = visitId,
                MemberId = aminah,
                Arrived = false,
            }
        );
        var one = await RosterAsync(visitId);

        Assert.Equal((2, 3, 36), (two.ArrivedCount, two.Members.Count, two.ExpectedHeadcount));
        Assert.Equal(1, one.ArrivedCount);
        Assert.NotNull(one.Members.Single(m => m.Id == lee).ArrivedAtUtc);
        Assert.Null(one.Members.Single(m => m.Id == aminah).ArrivedAtUtc);
    }

    [Fact]
    public async Task A_program_director_reads_the_roster_without_the_needs_and_nothing_is_recorded()
    {
        var visitId = await portal.ScheduleVisitAsync();
        await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation, dietary: "Halal");
        var before = await HistoryAsync(visitId);

        var roster = await portal.SendAsAsync(Director, new GetRoster.Query(visitId));
        var file = Encoding.UTF8.GetString(await ExportRoster.FileAsync(roster!, default));

        Assert.False(roster!.NeedsShown);
        Assert.Null(Assert.Single(roster.Members).DietaryNeeds);
        Assert.DoesNotContain("Halal", file);
        Assert.DoesNotContain("dietary", file);
        Assert.Contains("Lee Kai Yet", file);
        Assert.Equal(before, await HistoryAsync(visitId));
    }

    [Fact]
    public async Task Staff_see_the_needs_and_each_view_is_in_the_history_with_who_looked()
    {
        var visitId = await portal.ScheduleVisitAsync();
        await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation, dietary: "Halal");

        var roster = await portal.SendAsAsync(Staff, new GetRoster.Query(visitId));
        await portal.SendAsAsync(Staff, new GetRoster.Query(visitId));
        var file = Encoding.UTF8.GetString(await ExportRoster.FileAsync(roster!, default));

        Assert.True(roster!.NeedsShown);
        Assert.Equal("Halal", Assert.Single(roster.Members).DietaryNeeds);
        Assert.Contains("Halal", file);
        var views = (await HistoryAsync(visitId)).Where(h => h.Contains(GetRoster.NeedsViewed)).ToList();
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.StartsWith("Secretariat Staff: ", v));
    }

    [Fact]
    public async Task A_change_of_the_needs_is_in_the_history_without_its_value()
    {
        var visitId = await portal.ScheduleVisitAsync();
        var id = await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation, dietary: "Halal");

        await EditHeadAsync(visitId, id, c => c with { DietaryNeeds = "Vegetarian" });

        var history = await HistoryAsync(visitId);
        Assert.Contains(history, h => h.Contains("DelegationMember Modified") && h.Contains("DietaryNeeds"));
        Assert.DoesNotContain(history, h => h.Contains("Halal") || h.Contains("Vegetarian"));
    }

    [Fact]
    public async Task Badges_and_check_in_read_the_roster_without_the_needs_and_record_nothing()
    {
        var visitId = await portal.ScheduleVisitAsync();
        await AddAsync(visitId, "Lee Kai Yet", DelegationRole.HeadOfDelegation, dietary: "Halal");
        var before = await HistoryAsync(visitId);

        var roster = await portal.SendAsAsync(Staff, new GetRoster.Query(visitId, WithNeeds: false));

        Assert.Null(Assert.Single(roster!.Members).DietaryNeeds);
        Assert.Equal(before, await HistoryAsync(visitId));
    }
}
