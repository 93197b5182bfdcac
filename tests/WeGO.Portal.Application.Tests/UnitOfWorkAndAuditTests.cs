using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Behaviors;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Application.Tests;

public sealed class UnitOfWorkAndAuditTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record TouchVisit : ICommand;

    [Fact]
    public async Task Work_left_for_after_the_commit_runs_once_committed_and_never_when_the_command_fails()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var afterCommit = scope.ServiceProvider.GetRequiredService<AfterCommit>();
        var unitOfWork = new UnitOfWorkBehavior<TouchVisit, Unit>(
            db,
            scope.ServiceProvider.GetRequiredService<SqliteWriteGate>(),
            scope.ServiceProvider.GetRequiredService<CommandDocuments>(),
            scope.ServiceProvider.GetRequiredService<ChangedData>(),
            afterCommit
        );
        var ran = new List<string>();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await unitOfWork.Handle(
                new TouchVisit(),
                (_, _) =>
                {
                    afterCommit.Then(_ =>
                    {
                        ran.Add("failed");
                        return Task.CompletedTask;
                    });
                    throw new InvalidOperationException("the handler failed");
                },
                CancellationToken.None
            )
        );
        await unitOfWork.Handle(
            new TouchVisit(),
            (_, _) =>
            {
                // Run once committed: another connection already reads what the command wrote.
                afterCommit.Then(async ct =>
                    ran.Add(
                        await portal.WithDbAsync(d => d.Organizations.AnyAsync(o => o.Name == "After Commit City", ct))
                            ? "committed"
                            : "not yet"
                    )
                );
                db.Organizations.Add(
                    new Organization("After Commit City", "KR", Region.AsiaPacific, OrganizationKind.LocalGovernment)
                );
                return ValueTask.FromResult(Unit.Value);
            },
            CancellationToken.None
        );

        Assert.Equal(["committed"], ran);
    }

    [Fact]
    public async Task A_command_that_fails_halfway_saves_nothing()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var unitOfWork = new UnitOfWorkBehavior<TouchVisit, Unit>(
            db,
            scope.ServiceProvider.GetRequiredService<SqliteWriteGate>(),
            scope.ServiceProvider.GetRequiredService<CommandDocuments>(),
            scope.ServiceProvider.GetRequiredService<ChangedData>(),
            scope.ServiceProvider.GetRequiredService<AfterCommit>()
        );

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await unitOfWork.Handle(
                new TouchVisit(),
                (_, _) =>
                {
                    db.Organizations.Add(
                        new Organization("Half Saved City", "KR", Region.AsiaPacific, OrganizationKind.LocalGovernment)
                    );
                    throw new InvalidOperationException("the handler failed after changing things");
                },
                CancellationToken.None
            )
        );

        Assert.False(await portal.WithDbAsync(d => d.Organizations.AnyAsync(o => o.Name == "Half Saved City")));
    }

    // About SqliteWriteGate, which lets other databases' commands through at once (they lock rows, not the file).
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Commands_take_turns_to_write_to_SQLite_and_a_failed_one_lets_the_next_in()
    {
        await using var first = portal.Services.CreateAsyncScope();
        await using var second = portal.Services.CreateAsyncScope();
        UnitOfWorkBehavior<TouchVisit, Unit> UnitOfWork(AsyncServiceScope scope) =>
            new(
                scope.ServiceProvider.GetRequiredService<PortalDbContext>(),
                scope.ServiceProvider.GetRequiredService<SqliteWriteGate>(),
                scope.ServiceProvider.GetRequiredService<CommandDocuments>(),
                scope.ServiceProvider.GetRequiredService<ChangedData>(),
                scope.ServiceProvider.GetRequiredService<AfterCommit>()
            );
        var firstHolds = new TaskCompletionSource();
        var firstWriting = new TaskCompletionSource();
        var secondStarted = false;

        var firstCommand = UnitOfWork(first)
            .Handle(
                new TouchVisit(),
                async (_, _) =>
                {
                    firstWriting.SetResult();
                    await firstHolds.Task;
                    throw new InvalidOperationException("the first command fails while the second waits");
                },
                CancellationToken.None
            )
            .AsTask();
        await Patiently.ForAsync(firstWriting.Task, "the first command to begin writing");
        var secondCommand = UnitOfWork(second)
            .Handle(
                new TouchVisit(),
                (_, _) =>
                {
                    secondStarted = true;
                    return ValueTask.FromResult(Unit.Value);
                },
                CancellationToken.None
            )
            .AsTask();

        // A slow machine can only hide a second writer here, never fail the test.
        await Task.Delay(300);
        Assert.False(secondStarted);
        firstHolds.SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => firstCommand);
        await Patiently.ForAsync(secondCommand, "the second command to get its turn");
        Assert.True(secondStarted);
    }

    [Fact]
    public async Task A_command_saves_once_at_the_end_in_one_transaction()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var unitOfWork = new UnitOfWorkBehavior<TouchVisit, Unit>(
            db,
            scope.ServiceProvider.GetRequiredService<SqliteWriteGate>(),
            scope.ServiceProvider.GetRequiredService<CommandDocuments>(),
            scope.ServiceProvider.GetRequiredService<ChangedData>(),
            scope.ServiceProvider.GetRequiredService<AfterCommit>()
        );

        await unitOfWork.Handle(
            new TouchVisit(),
            (_, _) =>
            {
                Assert.NotNull(db.Database.CurrentTransaction);
                db.Organizations.Add(
                    new Organization("Saved City", "KR", Region.AsiaPacific, OrganizationKind.LocalGovernment)
                );
                return ValueTask.FromResult(Unit.Value);
            },
            CancellationToken.None
        );

        Assert.True(await portal.WithDbAsync(d => d.Organizations.AnyAsync(o => o.Name == "Saved City")));
    }

    [Fact]
    public async Task Changing_a_child_raises_the_visit_version_and_is_recorded_against_the_visit()
    {
        var id = await portal.ScheduleVisitAsync();
        var (visitId, versionBefore) = await portal.WithDbAsync(async db =>
        {
            var visit = await db.Visits.Include(v => v.Agenda).SingleAsync(v => v.Id == id);
            var before = visit.Version;
            visit.AddAgendaItem(new TimeOnly(12, 0), new TimeOnly(12, 30), "Lunch", null);
            await db.SaveChangesAsync();
            return (visit.Id, before);
        });

        var versionAfter = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == visitId).Select(v => v.Version).SingleAsync()
        );
        var history = await portal.WithDbAsync(db =>
            db.AuditEntries.Where(a =>
                    a.EntityType == nameof(Visit)
                    && a.EntityId == visitId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                )
                .Select(a => a.Action)
                .ToListAsync()
        );
        Assert.Equal(versionBefore + 1, versionAfter);
        Assert.Contains("AgendaItem Added", history);
        Assert.DoesNotContain("Modified", history);
    }

    [Fact]
    public async Task Two_people_saving_the_same_visit_cannot_overwrite_each_other()
    {
        await using var first = portal.Services.CreateAsyncScope();
        await using var second = portal.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<PortalDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<PortalDbContext>();
        var id = await portal.ScheduleVisitAsync();
        var mine = await firstDb.Visits.Include(v => v.Topics).SingleAsync(v => v.Id == id);
        var theirs = await secondDb.Visits.Include(v => v.Topics).SingleAsync(v => v.Id == id);

        mine.RecordTopic("Digital twins");
        await firstDb.SaveChangesAsync();
        theirs.RecordTopic("Open data");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        var topics = await portal.WithDbAsync(db =>
            db.Visits.Where(v => v.Id == id).SelectMany(v => v.Topics).Select(t => t.Title).ToListAsync()
        );
        Assert.Contains("Digital twins", topics);
        Assert.DoesNotContain("Open data", topics);
    }
}
