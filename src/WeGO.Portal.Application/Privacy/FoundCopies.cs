using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Privacy;

/// <summary>Where an erasure's values have copies (the messages and audit entries that hold them), found before the
/// erasure takes its write turn: a retention batch reads the whole outbox and audit trail once, and doing it outside
/// the turn keeps every other writer's wait to the batch's own changes (decision 0046). The erasure then reads only
/// what was written since (ids above <see cref="MessagesThrough"/> and <see cref="AuditThrough"/>) and checks each
/// copy found against the values it really erases.
/// <para>Only on SQLite: there writes take turns in this process (<see cref="SqliteWriteGate"/>) and ids only grow
/// (AUTOINCREMENT), so a copy not seen by the search has a higher id than any it saw. On a server database a slower
/// transaction may commit a lower id later, so there the erasure searches everything itself, as it has no write turn
/// to hold.</para></summary>
public sealed class FoundCopies
{
    private readonly HashSet<string> values;

    private FoundCopies(
        List<string> values,
        List<int> messages,
        int messagesThrough,
        List<int> auditEntries,
        int auditThrough
    )
    {
        this.values = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        Messages = messages;
        MessagesThrough = messagesThrough;
        AuditEntries = auditEntries;
        AuditThrough = auditThrough;
    }

    /// <summary>The messages that held one of the values when searched.</summary>
    public IReadOnlyList<int> Messages { get; }

    /// <summary>The highest message id the search read; later messages were not searched.</summary>
    public int MessagesThrough { get; }

    /// <summary>The audit entries whose recorded values may have held one of the values when searched.</summary>
    public IReadOnlyList<int> AuditEntries { get; }

    /// <summary>The highest audit entry id the search read.</summary>
    public int AuditThrough { get; }

    /// <summary>Whether every one of <paramref name="wanted"/> was searched for: a value the records took since (an
    /// edited contact) was not, and sends the erasure back to a search of its own.</summary>
    public bool Covers(IEnumerable<string> wanted) => wanted.All(values.Contains);

    /// <summary>Whether a search before the write turn can stand for the erasure's own on <paramref name="db"/>'s
    /// database: where writers take turns (SQLite; see the summary).</summary>
    public static bool CanSearchAhead(PortalDbContext db) => SqliteWriteGate.TakesTurns(db);

    /// <summary>The search a retention use case makes before its batch: the records <paramref name="due"/> (no
    /// tracking) <paramref name="retentionDays"/> days before now, and the copies of the values each
    /// <paramref name="holds"/>; null when the days keep everything or the search cannot stand here
    /// (<see cref="CanSearchAhead"/>), without selecting the batch.</summary>
    public static async ValueTask<FoundCopies?> OfNextBatchAsync<T>(
        PortalDbContext db,
        TimeProvider clock,
        int retentionDays,
        Func<DateTime, IQueryable<T>> due,
        Func<T, IEnumerable<string?>> holds,
        CancellationToken cancellationToken
    )
    {
        if (retentionDays <= 0 || !CanSearchAhead(db))
        {
            return null;
        }

        var batch = await due(clock.GetUtcNow().UtcDateTime.AddDays(-retentionDays)).ToListAsync(cancellationToken);
        return await SearchAsync(db, batch.SelectMany(holds), cancellationToken);
    }

    /// <summary>Searches the outbox and the audit trail for <paramref name="heldValues"/>, outside any write turn;
    /// null where the search cannot stand for the erasure's own (a server database, see the summary) or there is
    /// nothing to search for.</summary>
    public static async Task<FoundCopies?> SearchAsync(
        PortalDbContext db,
        IEnumerable<string?> heldValues,
        CancellationToken cancellationToken
    )
    {
        var wanted = PersonalDataCopies.Searchable(heldValues);
        if (wanted.Count == 0 || !CanSearchAhead(db))
        {
            return null;
        }

        var (messages, messagesThrough) = await PersonalDataCopies.MessagesHoldingAsync(
            db,
            wanted,
            0,
            cancellationToken
        );
        var (entries, auditThrough) = await PersonalDataCopies.AuditEntriesHoldingAsync(
            db,
            wanted,
            0,
            cancellationToken
        );
        return new FoundCopies(wanted, messages, messagesThrough, entries, auditThrough);
    }
}
