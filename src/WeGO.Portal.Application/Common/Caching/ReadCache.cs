using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace WeGO.Portal.Application.Common.Caching;

/// <summary>What pages read (figures, counts, choice lists), kept in memory until a change to a kind of record it
/// depends on is committed, or for <see cref="CacheSettings.Seconds"/> at most. Concurrent misses of one key read the
/// database once. A result type should be a sealed record marked <c>[ImmutableObject(true)]</c>, so every hit gets the
/// same instance instead of a copy.</summary>
public sealed class ReadCache(HybridCache cache, DataGenerations generations, IOptions<CacheSettings> settings)
{
    /// <summary>How many first pages a list that is the same for every reader keeps (<see cref="GetOrReadListAsync"/>):
    /// the ones people page through; older history is read when asked for (docs/decisions/0051).</summary>
    public const int FirstPagesKept = 4;

    /// <param name="key">What is read and for whom, e.g. <c>dashboard:2025-11-01:2026-11-30</c>.</param>
    /// <param name="dependsOn">The kinds of record (<see cref="ChangedData.TagOf{TAggregate}"/>) the read shows.
    /// </param>
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

    /// <summary>A list read (a page of rows), kept as one immutable value that every hit shares instead of a copy.
    /// </summary>
    public async ValueTask<IReadOnlyList<T>> GetOrReadListAsync<T>(
        string key,
        IReadOnlyList<string> dependsOn,
        Func<CancellationToken, Task<List<T>>> read,
        CancellationToken cancellationToken
    ) => (await GetOrReadAsync(key, dependsOn, async ct => new KeptList<T>(await read(ct)), cancellationToken)).Items;

    /// <summary>A read that is also true only until a time, as figures relative to now are (overdue, upcoming): when
    /// <paramref name="stillTrue"/> says the kept result has expired (its day or the end of its next visit has passed),
    /// it is evicted and read again.</summary>
    public async ValueTask<T> GetOrReadAsync<T>(
        string key,
        IReadOnlyList<string> dependsOn,
        Func<CancellationToken, ValueTask<T>> read,
        Func<T, bool> stillTrue,
        CancellationToken cancellationToken
    )
    {
        var kept = await GetOrReadAsync(key, dependsOn, read, cancellationToken);
        if (stillTrue(kept) || settings.Value.Seconds <= 0)
        {
            return kept;
        }

        // The generations may have moved since: then the entry below is not the one just read, and is left to expire.
        await cache.RemoveAsync(key + "@" + generations.Stamp(dependsOn), cancellationToken);
        var fresh = await GetOrReadAsync(key, dependsOn, read, cancellationToken);
        // A reader that began before the time passed may have put its result back in between: read past it.
        return stillTrue(fresh) ? fresh : await read(cancellationToken);
    }

    [ImmutableObject(true)]
    private sealed record KeptList<T>(IReadOnlyList<T> Items);
}
