using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Common.Behaviors;

/// <summary>Runs a command in one transaction and saves its changes once, after the handler. Under the
/// provider's execution strategy, so a transient fault (SQL Server failover, a busy SQLite file) retries
/// the whole command from a clean change tracker instead of losing it; files the command wrote are deleted when
/// its transaction fails (<see cref="CommandDocuments"/>), and what it changed is announced to the caches once
/// committed (<see cref="ChangedData"/>). On SQLite, commands take their turn to write
/// (<see cref="SqliteWriteGate"/>) rather than meeting on the file's lock.</summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    PortalDbContext db,
    SqliteWriteGate writeGate,
    CommandDocuments documents,
    ChangedData changedData,
    AfterCommit afterCommit
) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var committed = await strategy.ExecuteAsync(
            (message, next),
            async (_, state, ct) =>
            {
                db.ChangeTracker.Clear();
                changedData.Discard();
                afterCommit.Clear();
                try
                {
                    using var turn = await writeGate.EnterAsync(db, ct);
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var response = await state.next(state.message, ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    documents.Keep();
                    return response;
                }
                catch
                {
                    documents.Discard();
                    changedData.Discard();
                    afterCommit.Clear();
                    throw;
                }
            },
            verifySucceeded: null,
            cancellationToken
        );

        // Committed, and the write turn given back: the caches hear of it without holding up the next writer.
        await changedData.AnnounceAsync();
        await afterCommit.RunAsync(cancellationToken);
        return committed;
    }
}
