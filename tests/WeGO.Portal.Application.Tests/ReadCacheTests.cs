using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

/// <summary>A read kept by <see cref="ReadCache"/> is replaced once a change to what it shows is committed, and only
/// then: the cache never serves a figure older than the last committed write of this instance.</summary>
public sealed class ReadCacheTests : IDisposable
{
    private static readonly string[] DependsOnVisits = [ChangedData.TagOf<Visit>()];

    private readonly PortalFactory portal = new PortalFactory().Start();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_cached_count_is_read_again_after_a_visit_is_scheduled_and_not_before()
    {
        var reads = 0;
        async Task<int> CountAsync() =>
            await ReadAsync(
                async (db, ct) =>
                {
                    Interlocked.Increment(ref reads);
                    return await db.Visits.CountAsync(ct);
                }
            );

        var before = await CountAsync();
        Assert.Equal(before, await CountAsync());
        Assert.Equal(1, reads);

        await portal.ScheduleVisitAsync();

        Assert.Equal(before + 1, await CountAsync());
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_change_to_a_child_row_changes_its_aggregate_kind()
    {
        var visitId = await portal.ScheduleVisitAsync();
        var agendaItems = () =>
            ReadAsync((db, ct) => db.Set<AgendaItem>().CountAsync(i => EF.Property<int>(i, "VisitId") == visitId, ct));
        Assert.Equal(0, await agendaItems());

        await portal.SendAsync(
            new AddAgendaItem.Command
            {
                VisitId = visitId,
                Version = (await portal.SendAsync(new GetVisit.Query(visitId)))!.Version,
                StartsAt = new TimeOnly(10, 0),
                EndsAt = new TimeOnly(10, 30),
                Title = "Welcome address",
            }
        );

        Assert.Equal(1, await agendaItems());
    }

    [Fact]
    public async Task A_refused_command_leaves_the_cached_read_in_place()
    {
        var visitId = await portal.ScheduleVisitAsync();
        var generation = Generations.Of(ChangedData.TagOf<Visit>());

        // A stale version: the command is refused as a conflicting edit and nothing is committed.
        await Assert.ThrowsAnyAsync<Exception>(() =>
            portal.SendAsync(
                new AddAgendaItem.Command
                {
                    VisitId = visitId,
                    Version = -1,
                    StartsAt = new TimeOnly(10, 0),
                    EndsAt = new TimeOnly(10, 30),
                    Title = "Welcome address",
                }
            )
        );

        Assert.Equal(generation, Generations.Of(ChangedData.TagOf<Visit>()));
    }

    [Fact]
    public async Task A_read_that_began_before_a_commit_and_ended_after_it_is_never_served_afterwards()
    {
        var counted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var late = ReadAsync(
            async (db, ct) =>
            {
                var count = await db.Visits.CountAsync(ct);
                counted.SetResult();
                await release.Task;
                return count;
            }
        );
        await counted.Task;

        await portal.ScheduleVisitAsync();
        release.SetResult();
        var stale = await late;

        Assert.Equal(stale + 1, await ReadAsync((db, ct) => db.Visits.CountAsync(ct)));
    }

    private DataGenerations Generations => portal.Services.GetRequiredService<DataGenerations>();

    private async Task<int> ReadAsync(Func<PortalDbContext, CancellationToken, Task<int>> read)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cache = scope.ServiceProvider.GetRequiredService<ReadCache>();
        return await cache.GetOrReadAsync(
            "visit-count",
            DependsOnVisits,
            async ct => await read(db, ct),
            CancellationToken.None
        );
    }
}
