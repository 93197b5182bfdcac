namespace WeGO.Portal.Domain.Common;

/// <summary>One recorded change: who changed which record, when, and the changed values (JSON).</summary>
public sealed class AuditEntry : Entity
{
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 50;
    public const int ActionMaxLength = 100;

    private AuditEntry() { }

    public AuditEntry(
        DateTime occurredAtUtc,
        string? actorId,
        string actorName,
        string entityType,
        string entityId,
        string action,
        string changes
    )
    {
        OccurredAtUtc = occurredAtUtc;
        ActorId = actorId;
        ActorName = actorName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public DateTime OccurredAtUtc { get; private set; }

    public string? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string Changes { get; private set; } = "";

    /// <summary>Replaces the recorded values with <paramref name="changes"/> from which a person's data was erased; who
    /// did what, and when, stay.</summary>
    public void Redact(string changes) => Changes = changes;
}
