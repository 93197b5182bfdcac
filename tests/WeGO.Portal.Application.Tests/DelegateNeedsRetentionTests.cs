using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Infrastructure.Retention;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The retention of the delegates' dietary and accessibility needs, run by the portal's own background service
/// against a clock the test moves: kept until <see cref="DelegationSettings.NeedsRetentionDays"/> (30 by default) have
/// passed since the visit ended, then deleted with the rest of the roster kept, other visits untouched.</summary>
public sealed class DelegateNeedsRetentionTests : IDisposable
{
    /// <summary>The Seremban visit (7 October 2024, 10:00-12:00 in Seoul) ends at 03:00 UTC.</summary>
    private static readonly DateTimeOffset VisitEnds = new(2024, 10, 7, 3, 0, 0, TimeSpan.Zero);

    private readonly ClockedPortal portal = new(new FixedClock(VisitEnds.AddDays(-30))) { SeedDemo = false };

    public void Dispose() => portal.Dispose();

    private Task<int> RunRetentionAsync() =>
        portal.Services.GetServices<IHostedService>().OfType<DelegateNeedsRetention>().Single().RunOnceAsync(default);

    private async Task<int> VisitWithRosterAsync(DateOnly date)
    {
        var visitId = await portal.ScheduleVisitAsync(c => c with { Date = date });
        foreach (
            var (name, role, dietary) in new[]
            {
                ("Tan Wei Ming", DelegationRole.Delegate, "Vegetarian"),
                ("Lee Kai Yet", DelegationRole.HeadOfDelegation, "Halal"),
            }
        )
        {
            var version = (await portal.SendAsync(new GetRoster.Query(visitId, WithNeeds: false)))!.Version;
            var id = await portal.SendAsync(
                new AddDelegate.Command
                {
                    VisitId = visitId,
                    Version = version,
                    FullName = name,
                    Title = "Councillor",
                    Role = role,
                    Honorific = role == DelegationRole.HeadOfDelegation ? "Dato'" : null,
                    DietaryNeeds = dietary,
                    AccessibilityNeeds = "Step-free access",
                }
            );
            await portal.SendAsync(
                new CheckInDelegate.Command
                {
                    VisitId = visitId,
                    MemberId = id.Value,
                    Arrived = true,
                }
            );
        }

        return visitId;
    }

    private Task<List<DelegationMember>> MembersAsync(int visitId) =>
        portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId).SelectMany(v => v.Delegation.Members).AsNoTracking().ToListAsync()
        );

    [Fact]
    public async Task Needs_are_deleted_after_the_retention_period_and_the_roster_remains()
    {
        var ended = await VisitWithRosterAsync(new DateOnly(2024, 10, 7));
        var later = await VisitWithRosterAsync(new DateOnly(2024, 12, 2));

        portal.Clock.Now = VisitEnds.AddDays(30).AddMinutes(-1);
        var before = await RunRetentionAsync();
        Assert.Equal(0, before);
        Assert.All(await MembersAsync(ended), m => Assert.Equal("Step-free access", m.AccessibilityNeeds));

        portal.Clock.Now = VisitEnds.AddDays(30).AddMinutes(1);
        var first = await RunRetentionAsync();
        var second = await RunRetentionAsync();

        Assert.Equal((1, 0), (first, second));
        var kept = await MembersAsync(ended);
        Assert.All(kept, m => Assert.Null(m.DietaryNeeds));
        Assert.All(kept, m => Assert.Null(m.AccessibilityNeeds));
        var roster = await portal.SendAsync(new GetRoster.Query(ended));
        Assert.Equal(
            ["Dato' Lee Kai Yet|Councillor|arrived", "Tan Wei Ming|Councillor|arrived"],
            roster!.Members.Select(m => $"{m.AddressedAs}|{m.Title}|{(m.ArrivedAtUtc is null ? "" : "arrived")}")
        );
        Assert.Equal(portal.Clock.Now.UtcDateTime, roster.NeedsErasedAtUtc);

        // The December visit is not over long enough: its needs stay.
        Assert.Equal(["Halal", "Vegetarian"], (await MembersAsync(later)).Select(m => m.DietaryNeeds).Order());
        var history = await portal.SendAsync(new GetVisit.Query(ended));
        Assert.Contains(history!.History, h => h.ActorName == "system");
    }
}
