namespace WeGO.Portal.Testing;

/// <summary>A clock the test sets: "today" is whatever the scenario needs.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
