using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Common;

/// <summary>The id of an entity a command created. The database assigns it when the unit of work saves,
/// which is after the handler returns, so the page reads <see cref="Value"/> once Send has completed.</summary>
public sealed class NewId(Entity entity)
{
    public int Value =>
        entity.Id != 0 ? entity.Id : throw new InvalidOperationException("The unit of work has not saved yet.");
}
