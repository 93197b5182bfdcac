namespace WeGO.Portal.Application.Common;

/// <summary>Who is acting in this request, for the audit trail: a signed-in staff user, or the system.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string Name { get; }
}

public sealed class SystemActor : ICurrentActor
{
    public string? UserId => null;

    public string Name => "system";
}
