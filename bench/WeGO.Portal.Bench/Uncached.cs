using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common.Caching;

namespace WeGO.Portal.Bench;

/// <summary>A read cache that keeps nothing (<c>Portal:Cache:Seconds</c> 0): a handler given it sends its statements
/// every time, to time them or capture their plans.</summary>
internal static class Uncached
{
    public static ReadCache Of(IServiceProvider services) =>
        new(
            services.GetRequiredService<HybridCache>(),
            services.GetRequiredService<DataGenerations>(),
            Options.Create(new CacheSettings { Seconds = 0 })
        );
}
