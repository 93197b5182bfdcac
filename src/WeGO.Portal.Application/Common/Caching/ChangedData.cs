using Microsoft.Extensions.Caching.Hybrid;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Common.Caching;

/// <summary>The kinds of record one unit of work changed (noted by the audit trail as it saves), announced once they
/// are committed: their <see cref="DataGenerations"/> advance and what was cached under them is evicted. Announced
/// after the commit, never before, so no reader can cache the old state again in between.</summary>
public sealed class ChangedData(DataGenerations generations, HybridCache cache, IEnumerable<IPageCacheEviction> pages)
{
    private readonly HashSet<string> tags = new(StringComparer.Ordinal);

    /// <summary>The tag of a kind of record: its aggregate's type name.</summary>
    public static string TagOf(Type aggregate) => aggregate.Name;

    public static string TagOf<TAggregate>()
        where TAggregate : AggregateRoot => TagOf(typeof(TAggregate));

    public void Note(string tag) => tags.Add(tag);

    /// <summary>A unit of work that failed or is retried from the start: what it noted did not happen.</summary>
    public void Discard() => tags.Clear();

    public async ValueTask AnnounceAsync()
    {
        if (tags.Count == 0)
        {
            return;
        }

        var changed = tags.ToArray();
        tags.Clear();
        generations.Advance(changed);

        // The write is committed: freeing the memory of what it made stale must not depend on the request's token.
        await cache.RemoveByTagAsync(changed, CancellationToken.None);
        foreach (var page in pages)
        {
            await page.EvictAsync(changed, CancellationToken.None);
        }
    }
}

/// <summary>Evicts whole pages cached by the web host (its output cache) when the kinds they show change.</summary>
public interface IPageCacheEviction
{
    ValueTask EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken);
}
