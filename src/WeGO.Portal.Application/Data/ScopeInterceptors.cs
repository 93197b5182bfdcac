using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WeGO.Portal.Application.Staff;

namespace WeGO.Portal.Application.Data;

/// <summary>The one interceptor the pooled contexts' options hold for the whole process (docs/decisions/0050). It
/// hands every save and transaction event to the audit trail and the session invalidation of the scope the context
/// serves (<see cref="PortalDbContext.UseScope"/>), in that order, as the two would run if each context were
/// configured with them: each event either of them handles, and only those (PooledContextTests checks the list). A
/// save by a context that serves no scope is refused: it would skip the audit.</summary>
public sealed class ScopeInterceptors : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly ScopeInterceptors Instance = new();

    private ScopeInterceptors() { }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        var (auditTrail, sessionInvalidation) = ScopeOf(eventData);
        return sessionInvalidation.SavingChanges(eventData, auditTrail.SavingChanges(eventData, result));
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        var (auditTrail, sessionInvalidation) = ScopeOf(eventData);
        result = await auditTrail.SavingChangesAsync(eventData, result, cancellationToken);
        return await sessionInvalidation.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (AttachedScope(eventData.Context) is not (var auditTrail, var sessionInvalidation))
        {
            return result;
        }

        return sessionInvalidation.SavedChanges(eventData, auditTrail.SavedChanges(eventData, result));
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        if (AttachedScope(eventData.Context) is not (var auditTrail, var sessionInvalidation))
        {
            return result;
        }

        result = await auditTrail.SavedChangesAsync(eventData, result, cancellationToken);
        return await sessionInvalidation.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (AttachedScope(eventData.Context) is (var auditTrail, var sessionInvalidation))
        {
            auditTrail.SaveChangesFailed(eventData);
            sessionInvalidation.SaveChangesFailed(eventData);
        }
    }

    public override async Task SaveChangesFailedAsync(
        DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (AttachedScope(eventData.Context) is (var auditTrail, var sessionInvalidation))
        {
            await auditTrail.SaveChangesFailedAsync(eventData, cancellationToken);
            await sessionInvalidation.SaveChangesFailedAsync(eventData, cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        AttachedScope(eventData.Context)?.SessionInvalidation.TransactionCommitted(transaction, eventData);

    public Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    ) =>
        AttachedScope(eventData.Context)
            ?.SessionInvalidation.TransactionCommittedAsync(transaction, eventData, cancellationToken)
        ?? Task.CompletedTask;

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        AttachedScope(eventData.Context)?.SessionInvalidation.TransactionRolledBack(transaction, eventData);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    ) =>
        AttachedScope(eventData.Context)
            ?.SessionInvalidation.TransactionRolledBackAsync(transaction, eventData, cancellationToken)
        ?? Task.CompletedTask;

    private static (AuditTrail AuditTrail, SessionInvalidation SessionInvalidation)? AttachedScope(
        DbContext? context
    ) => (context as PortalDbContext)?.Scope;

    private static (AuditTrail AuditTrail, SessionInvalidation SessionInvalidation) ScopeOf(
        DbContextEventData eventData
    ) =>
        AttachedScope(eventData.Context)
        ?? throw new InvalidOperationException(
            "A PortalDbContext saved changes without a scope's audit trail. Take the context from the scope's "
                + "services (PortalDbContext), not from the context factory (docs/decisions/0050)."
        );
}
