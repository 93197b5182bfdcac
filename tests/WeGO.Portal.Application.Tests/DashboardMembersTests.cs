using WeGO.Portal.Application.Dashboard;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>The dashboard's Members panel on a registry of its own and no visits at all, with the clock at 15 June
/// 2025, 12:00 in Seoul. See <see cref="DashboardRegistry"/> for who is in it.</summary>
public sealed class DashboardMembersTests(DashboardRegistry registry) : IClassFixture<DashboardRegistry>
{
    private Task<GetDashboard.Result> DashboardAsync(GetDashboard.Query? query = null) =>
        registry.Portal.SendAsync(query ?? new GetDashboard.Query());

    [Fact]
    public async Task Active_members_are_counted_by_category_and_region_without_the_suspended_and_the_withdrawn()
    {
        var members = (await DashboardAsync()).Members;

        Assert.Equal(Enum.GetValues<MembershipCategory>(), members.ActiveByCategory.Select(c => c.Category));
        // Full, Associate, Friendship, Corporate.
        Assert.Equal([1, 2, 1, 1], members.ActiveByCategory.Select(c => c.Members));
        Assert.Equal(5, members.Active);
        Assert.Equal(Enum.GetValues<Region>(), members.ActiveByRegion.Select(r => r.Region));
        var byRegion = members.ActiveByRegion.ToDictionary(r => r.Region, r => r.Members);
        Assert.Equal(2, byRegion[Region.AsiaPacific]); // the two accepted Malaysian councils
        Assert.Equal(1, byRegion[Region.EastAsia]); // the Full member; the suspended one is not counted
        Assert.Equal(1, byRegion[Region.LatinAmerica]);
        Assert.Equal(1, byRegion[Region.NorthAmerica]);
        Assert.Equal(0, byRegion[Region.Africa]); // withdrawn
        Assert.Equal(5, byRegion.Values.Sum());
    }

    [Fact]
    public async Task Each_count_is_what_the_registry_lists_for_the_filter_its_link_opens()
    {
        var members = (await DashboardAsync()).Members;

        foreach (var (category, count) in members.ActiveByCategory)
        {
            var filter = new ListMembers.Filter { Status = MemberStatus.Active, Category = category };
            Assert.Equal(count, (await registry.Portal.SendAsync(new ListMembers.Query(filter))).Total);
        }

        foreach (var (region, count) in members.ActiveByRegion)
        {
            var filter = new ListMembers.Filter { Status = MemberStatus.Active, Region = region };
            Assert.Equal(count, (await registry.Portal.SendAsync(new ListMembers.Query(filter))).Total);
        }
    }

    [Fact]
    public async Task Applications_waiting_for_the_Secretariat_s_check_and_for_the_Executive_Committee_are_counted()
    {
        var members = (await DashboardAsync()).Members;

        Assert.Equal(1, members.AwaitingCheck);
        Assert.Equal(2, members.AwaitingCommittee);
    }

    [Fact]
    public async Task Only_the_members_joined_follow_the_period_the_rest_is_as_of_today()
    {
        var lastTwelveMonths = (await DashboardAsync()).Members;
        var before = (
            await DashboardAsync(
                new GetDashboard.Query { From = new DateOnly(2010, 1, 1), To = new DateOnly(2010, 12, 31) }
            )
        ).Members;

        // Joined since 16 June 2024: the two accepted today, the Friendship member and the one withdrawn since.
        Assert.Equal(4, lastTwelveMonths.JoinedInPeriod);
        Assert.Equal(0, before.JoinedInPeriod);
        Assert.Equal(lastTwelveMonths.Active, before.Active);
        Assert.Equal(lastTwelveMonths.AwaitingCommittee, before.AwaitingCommittee);
    }

    [Fact]
    public async Task With_no_visits_in_the_period_the_conversion_has_zeros_and_no_shares()
    {
        var funnel = (await DashboardAsync()).Funnel;

        // The registry has members, but none was visited: no division by zero.
        Assert.Equal(new GetDashboard.Funnel(0, 0, 0), funnel);
        Assert.Null(funnel.InquiryRate);
        Assert.Null(funnel.MemberRate);
    }
}

/// <summary>A registry written once for <see cref="DashboardMembersTests"/> (they only read it), without visits.
/// Clock: 15 June 2025, 12:00 in Seoul.
/// <list type="bullet">
/// <item>Two Malaysian councils (Asia and the Pacific) whose applications the Secretariat accepted today: Associate
/// members, waiting for the Executive Committee; a third council's application waits for the Secretariat's
/// check.</item>
/// <item>Active: a Full member (East Asia, 2020), a Friendship member (Latin America, 1 December 2024), a Corporate
/// member (North America, 2021).</item>
/// <item>Not active: a suspended Full member (East Asia, 2020), an Associate member withdrawn (Africa, 10 January
/// 2025).</item>
/// </list></summary>
public sealed class DashboardRegistry : IAsyncLifetime
{
    internal ClockedPortal Portal { get; } =
        new(new FixedClock(new DateTimeOffset(2025, 6, 15, 3, 0, 0, TimeSpan.Zero))) { SeedDemo = false };

    public async Task InitializeAsync()
    {
        Portal.Start();
        await Portal.AcceptedApplicationAsync();
        await Portal.AcceptedApplicationAsync();
        await Portal.ApplicationFromInquiryAsync();
        await Portal.RegistryMemberAsync(Region.EastAsia, MembershipCategory.Full);
        await Portal.RegistryMemberAsync(
            Region.LatinAmerica,
            MembershipCategory.Friendship,
            since: new DateOnly(2024, 12, 1)
        );
        await Portal.RegistryMemberAsync(Region.NorthAmerica, MembershipCategory.Corporate, since: new(2021, 3, 1));
        await Portal.RegistryMemberAsync(Region.EastAsia, MembershipCategory.Full, MemberStatus.Suspended);
        await Portal.RegistryMemberAsync(
            Region.Africa,
            MembershipCategory.Associate,
            MemberStatus.Withdrawn,
            new DateOnly(2025, 1, 10)
        );
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        return Task.CompletedTask;
    }
}
