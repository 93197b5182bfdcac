using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.News;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Web.Pipeline;

/// <summary>The public pages that are the same for every visitor, kept whole in the output cache (decision 0030): one
/// policy per page, named for it and holding the kinds of record it shows. A page opts in with
/// <c>[OutputCache(PolicyName = PublicPages.News)]</c>.</summary>
public static class PublicPages
{
    public const string Home = "public-home";
    public const string Privacy = "public-privacy";
    public const string News = "public-news";
    public const string Release = "public-release";
    public const string Directory = "public-directory";

    /// <summary>Each policy's name and the kinds of record (<see cref="ChangedData.TagOf{TAggregate}"/>) its page
    /// shows; the home page and the privacy notice show none, so only their lifetime renews them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Shows = new Dictionary<string, string[]>
    {
        [Home] = [],
        [Privacy] = [],
        [News] = [ChangedData.TagOf<NewsRelease>()],
        [Release] = [ChangedData.TagOf<NewsRelease>()],
        [Directory] = [ChangedData.TagOf<Member>(), ChangedData.TagOf<Organization>()],
    };

    /// <summary>The output cache with a policy per public page, its size bounded (every distinct address and language
    /// is an entry, and any visitor can make up addresses), and eviction of the pages a committed write made
    /// stale.</summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 32 * 1024 * 1024;
            options.MaximumBodySize = 1024 * 1024;
        });
        services
            .AddOptions<OutputCacheOptions>()
            .Configure<IOptions<CacheSettings>>(
                (options, settings) =>
                {
                    var lifetime = TimeSpan.FromSeconds(settings.Value.Seconds);
                    foreach (var (name, tags) in Shows)
                    {
                        options.AddPolicy(name, new PublicPagePolicy(tags, lifetime));
                    }
                }
            );
        services.AddSingleton<IPageCacheEviction, OutputCacheEviction>();
        return services;
    }
}

/// <summary>Caches a public page for visitors who are not signed in, per address (query included), language and the
/// generations of what it shows; never a signed-in user's page, a response that sets a cookie or must not be stored
/// (an antiforgery token makes it <c>no-store</c>), nor anything but a 200.</summary>
internal sealed class PublicPagePolicy(IReadOnlyList<string> tags, TimeSpan lifetime) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        context.EnableOutputCaching = lifetime > TimeSpan.Zero;
        var anyone =
            (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && string.IsNullOrEmpty(request.Headers.Authorization)
            // A message left for this visitor after a redirect is shown by the page, so it is rendered for them.
            && !request.Cookies.ContainsKey(CookieTempDataProvider.CookieName);
        context.AllowCacheLookup = anyone;
        context.AllowCacheStorage = anyone;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        // The language the portal chose (cookie, then Accept-Language), not the raw header: one entry per language.
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        if (tags.Count > 0)
        {
            // Read before the page reads the database: a page rendered from data older than the last commit lands
            // under a key nobody asks for again (decision 0029).
            context.CacheVaryByRules.VaryByValues["data"] = http
                .RequestServices.GetRequiredService<DataGenerations>()
                .Stamp(tags);
            foreach (var tag in tags)
            {
                context.Tags.Add(tag);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        if (
            response.StatusCode != StatusCodes.Status200OK
            || !string.IsNullOrEmpty(response.Headers.SetCookie)
            || http.User.Identity?.IsAuthenticated == true
            || HeaderUtilities.ContainsCacheDirective(
                response.Headers.CacheControl,
                CacheControlHeaderValue.NoStoreString
            )
            || HeaderUtilities.ContainsCacheDirective(
                response.Headers.CacheControl,
                CacheControlHeaderValue.PrivateString
            )
        )
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts the cached public pages that show a kind of record a committed write changed.</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : IPageCacheEviction
{
    public async ValueTask EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }
}
