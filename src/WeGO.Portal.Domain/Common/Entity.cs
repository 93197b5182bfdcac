namespace WeGO.Portal.Domain.Common;

public abstract class Entity
{
    public int Id { get; private set; }
}

/// <summary>An entity edited on its own page: <see cref="Version"/> is its optimistic-concurrency token,
/// raised on every save, so two people editing it cannot overwrite each other silently.</summary>
public abstract class AggregateRoot : Entity
{
    public int Version { get; private set; }
}
