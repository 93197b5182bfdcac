using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Privacy;

/// <summary>The records a unit of work erases and the values they held, gathered as it goes so that their copies are
/// erased together at its end (<see cref="PersonalDataCopies.EraseAsync"/>): one pass over the outbox and the audit
/// trail for a whole retention batch, not one per record, because each pass holds the database's write turn.</summary>
public sealed class CopiesToErase
{
    private readonly List<(string EntityType, string EntityId)> records = [];

    private readonly List<string?> values = [];

    /// <summary>Remembers an erased <paramref name="record"/> and the values it held (read before it forgot them).
    /// </summary>
    public void Add((string EntityType, string EntityId) record, IEnumerable<string?> heldValues)
    {
        records.Add(record);
        values.AddRange(heldValues);
    }

    /// <summary>Erases the messages and scrubs the audit values of everything added; with the copies
    /// <paramref name="found"/> before the write turn, when a retention run searched for them.</summary>
    public Task EraseAsync(
        PortalDbContext db,
        DateTime nowUtc,
        CancellationToken cancellationToken,
        FoundCopies? found = null
    ) =>
        records.Count == 0
            ? Task.CompletedTask
            : PersonalDataCopies.EraseAsync(db, records, values, nowUtc, cancellationToken, found);
}
