using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace WeGO.Portal.Application.Common.Caching;

/// <summary>What pages read (figures, counts, choice lists), kept in memory until a change to a kind of record it
/// depends on is committed, or for <see cref="CacheSettings.Seconds"/> at most. Concurrent misses of one key read the
/// database once. A result type should be a sealed record marked <c>[ImmutableObject(true)]</c>, so every hit gets the
/// same instance instead of a copy.</summary>
public sealed class ReadCache(HybridCache cache, DataGenerations generations, IOptions<CacheSettings> settings)
{
    /// <param name="key">What is read and for whom, e.g. <c>dashboard:2025-11-01:2026-11-30</c>.</param>
    /// <param name="dependsOn">The kinds of record (<see cref="ChangedData.TagOf{TAggregate}"/>) the read shows.</param>
    public ValueTask<T> GetOrReadAsync<T>(
        string key,
        IReadOnlyList<string> dependsOn,
        Func<CancellationToken, ValueTask<T>> read,
        CancellationToken cancellationToken
    )
    {
        if (settings.Value.Seconds <= 0)
        {
            return read(cancellationToken);
        }

        var lifetime = TimeSpan.FromSeconds(settings.Value.Seconds);
        return cache.GetOrCreateAsync(
            key + "@" + generations.Stamp(dependsOn),
            read,
            new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
            dependsOn,
            cancellationToken
        );
    }
}
