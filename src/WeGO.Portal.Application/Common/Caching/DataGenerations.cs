using System.Collections.Concurrent;
using System.Globalization;

namespace WeGO.Portal.Application.Common.Caching;

/// <summary>A counter per kind of record (an aggregate's type name: "Visit", "NewsRelease"), advanced after each
/// committed change to that kind. Cached reads and pages put the counters they depend on in their key, so an entry
/// read before a change can never be served after it, even when the read finished after the change was committed
/// (evicting by tag alone would let such a late entry in).</summary>
public sealed class DataGenerations
{
    private readonly ConcurrentDictionary<string, long> counters = new(StringComparer.Ordinal);

    public long Of(string tag) => counters.TryGetValue(tag, out var generation) ? generation : 0;

    /// <summary>The counters of these kinds as one key part: <c>Visit=3;MembershipInquiry=7</c>.</summary>
    public string Stamp(IReadOnlyList<string> tags)
    {
        var parts = new string[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            parts[i] = tags[i] + "=" + Of(tags[i]).ToString(CultureInfo.InvariantCulture);
        }

        return string.Join(';', parts);
    }

    public void Advance(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            counters.AddOrUpdate(tag, 1, (_, generation) => generation + 1);
        }
    }
}
