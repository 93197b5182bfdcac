using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WeGO.Portal.Testing;

namespace WeGO.Portal.Web.Tests.Security;

/// <summary>One thing a browser can ask of the portal: a page handler (GET or POST, named or not) or another endpoint.
/// <see cref="Key"/> is how the policy tables name it: "GET /Visits/Details", "POST
/// /Visits/Status?handler=Cancel".</summary>
public sealed partial record PortalEndpoint(
    string Method,
    string Page,
    string? Handler,
    string RouteTemplate,
    bool IsPage
)
{
    public string Key => Handler is null ? $"{Method} {Page}" : $"{Method} {Page}?handler={Handler}";

    public bool IsGet => Method == "GET";

    public bool IsPost => Method == "POST";

    /// <summary>The address to request, route parameters filled with <paramref name="sample"/>(page,
    /// parameter).</summary>
    public string Address(Func<string, string, string> sample)
    {
        var path =
            "/"
            + RouteParameter()
                .Replace(RouteTemplate.TrimStart('/'), match =>
                    Uri.EscapeDataString(sample(Page, match.Groups[1].Value))
                );
        return Handler is null ? path : $"{path}?handler={Handler}";
    }

    [GeneratedRegex(@"\{\*{0,2}(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}

/// <summary>Everything the running portal answers, read from its own routing: every Razor page with every handler
/// method its page model declares (OnGet, OnPostAsync, OnPostCancelAsync -> ?handler=Cancel...), and every other
/// mapped endpoint (health checks, the calendar feed). A page added tomorrow is in this list without anyone
/// remembering to add it, which is what makes the security tables complete.</summary>
public static class PortalEndpoints
{
    private static readonly Lazy<IReadOnlyList<PortalEndpoint>> Discovered = new(() =>
    {
        using var portal = new PortalFactory { SeedDemo = false }.Start();
        return EnumerateAsync(portal.Services).GetAwaiter().GetResult();
    });

    /// <summary>The endpoints of a portal started once for test discovery.</summary>
    public static IReadOnlyList<PortalEndpoint> All => Discovered.Value;

    public static PortalEndpoint Find(string key) =>
        All.SingleOrDefault(e => e.Key == key) ?? throw new InvalidOperationException($"The portal has no {key}");

    /// <summary>Theory data: one line per endpoint key.</summary>
    public static TheoryData<string> Keys(Func<PortalEndpoint, bool> which)
    {
        var data = new TheoryData<string>();
        foreach (var key in All.Where(which).Select(e => e.Key).Order(StringComparer.Ordinal))
        {
            data.Add(key);
        }

        return data;
    }

    public static async Task<IReadOnlyList<PortalEndpoint>> EnumerateAsync(IServiceProvider services)
    {
        var found = new List<PortalEndpoint>();
        var loader = services.GetRequiredService<PageLoader>();
        var pages = services
            .GetRequiredService<IActionDescriptorCollectionProvider>()
            .ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .GroupBy(page => page.ViewEnginePath, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            // "/Visits/Index" answers at "Visits" and "Visits/Index": the shorter is the address links use.
            var descriptor = page.OrderBy(d => d.AttributeRouteInfo?.Template?.Length ?? 0).First();
            var compiled = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            var template = descriptor.AttributeRouteInfo?.Template ?? page.Key;
            var handlers = compiled
                .HandlerMethods.Select(h => new PortalEndpoint(
                    h.HttpMethod.ToUpperInvariant(),
                    page.Key,
                    string.IsNullOrEmpty(h.Name) ? null : h.Name,
                    template,
                    IsPage: true
                ))
                .ToList();
            if (!handlers.Any(h => h.IsGet && h.Handler is null))
            {
                // A page without OnGet (or without a page model) still renders on GET.
                handlers.Add(new PortalEndpoint("GET", page.Key, null, template, IsPage: true));
            }

            found.AddRange(handlers.DistinctBy(h => h.Key));
        }

        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (
                endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                || endpoint.RoutePattern.RawText is not { } pattern
            )
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            var path = "/" + pattern.TrimStart('/');
            found.AddRange(
                methods.Select(method => new PortalEndpoint(method.ToUpperInvariant(), path, null, path, IsPage: false))
            );
        }

        return found.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }
}
