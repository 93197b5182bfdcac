namespace WeGO.Portal.Infrastructure.DemoData;

/// <summary>The demo replays its story through the portal's own use cases at the story's dates: each step sets the
/// time, and what the use case stamps (received, accepted, sent) reads as it would have on that day.</summary>
internal sealed class StoryClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    /// <summary>Ten in the morning in Seoul on <paramref name="day"/>.</summary>
    public void MorningOf(DateOnly day) => Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
