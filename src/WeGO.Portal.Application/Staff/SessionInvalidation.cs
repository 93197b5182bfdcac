using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WeGO.Portal.Application.Staff;

/// <summary>Tells <see cref="OpenSessions"/> to forget a user's sessions once a change to their account (a new security
/// stamp, roles, lockout) or to one of their sessions is committed, so the next request of any of their cookies is
/// checked against the database. Any change to the user's row counts: a new stamp, whatever changed it (roles, a
/// disabled account, a new or reset password, a second factor reset), then ends their sessions at the database's word.
/// One per DbContext.</summary>
public sealed class SessionInvalidation(OpenSessions sessions) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly HashSet<string> changedUsers = new(StringComparer.Ordinal);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        ForgetUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    public Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Forget();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        changedUsers.Clear();

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        changedUsers.Clear();
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                switch (entry.Entity)
                {
                    case StaffUser user:
                        changedUsers.Add(user.Id);
                        break;
                    case StaffSession session:
                        changedUsers.Add(session.UserId);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    /// <summary>Inside a transaction the change is not yet visible to other requests: forgetting now would let one of
    /// them read the old state and remember it, so wait for the commit.</summary>
    private void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget();
        }
    }

    private void Forget()
    {
        foreach (var userId in changedUsers)
        {
            sessions.Forget(userId);
        }

        changedUsers.Clear();
    }
}
