using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace WeGO.Portal.Bench.Allocations;

/// <summary>Which types a page allocates, sampled by the runtime itself: about every 100 KiB allocated it raises an
/// allocation tick naming the type of the object that crossed the mark, so a type's share of the ticks is its share of
/// the bytes, near enough over a few hundred requests. (The runtime delivers the ticks on a thread of its own, so they
/// cannot say which code allocated: dotnet-trace can.)</summary>
internal sealed class AllocatedTypes : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytesByType = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (
            eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true
            && eventData.Payload is { } payload
            && eventData.PayloadNames is { } names
        )
        {
            var type = payload[names.IndexOf("TypeName")] as string ?? "?";

            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], null);
            bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }

    /// <summary>The types sampled since the last call, largest share first, and forgets them.</summary>
    public IReadOnlyList<(string Type, double Share)> TakeTop(int count)
    {
        var taken = bytesByType.ToArray();
        bytesByType.Clear();
        var total = Math.Max(1, taken.Sum(t => t.Value));
        return [.. taken.OrderByDescending(t => t.Value).Take(count).Select(t => (t.Key, t.Value / (double)total))];
    }
}
