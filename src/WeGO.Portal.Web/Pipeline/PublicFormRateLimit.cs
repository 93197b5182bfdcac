using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WeGO.Portal.Web.Pipeline;

/// <summary>How many public forms (membership inquiries and visit requests together) one network may post in a window.
/// The section keeps the name it had when the inquiry was the only public form, so existing settings still
/// apply.</summary>
public sealed class PublicFormRateLimitSettings
{
    public const string Section = "Portal:Inquiries:RateLimit";

    public int PermitLimit { get; set; } = 5;

    public int WindowSeconds { get; set; } = 600;
}

/// <summary>Limits posts of the public forms (<c>/Membership/Join</c>, <c>/VisitRequests/Ask</c>: one count for both,
/// decision 0027; the delegation page under a policy of its own) per client address (an IPv6 client per /64, the block
/// one household or office gets). Reading a form is never limited. Behind a proxy the client address is only right
/// with forwarded headers enabled (docs/operations.md). A refused post gets 429 and the friendly error page.</summary>
internal static class PublicFormRateLimit
{
    public const string Policy = "public-form-posts";

    /// <summary>The delegation page's posts: one contact enters a roster of dozens, a post per delegate, so its limit
    /// is its own (<c>Portal:Delegations:RateLimit</c>, 60 posts in 10 minutes unless set).</summary>
    public const string DelegationPolicy = "delegation-posts";

    private const string DelegationSettings = "delegation";

    /// <summary>Where the refusal leaves the minutes to wait, for the error page.</summary>
    public const string RetryAfterMinutesKey = "wego.retry-after-minutes";

    public static IServiceCollection AddPublicFormRateLimit(this IServiceCollection services)
    {
        services.AddOptions<PublicFormRateLimitSettings>().BindConfiguration(PublicFormRateLimitSettings.Section);
        services
            .AddOptions<PublicFormRateLimitSettings>(DelegationSettings)
            .Configure(settings => settings.PermitLimit = 60)
            .BindConfiguration("Portal:Delegations:RateLimit");
        services.AddRateLimiter(_ => { });
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<IOptionsMonitor<PublicFormRateLimitSettings>, ILoggerFactory>(
                (options, all, logs) =>
                {
                    var settings = all.CurrentValue;
                    var logger = logs.CreateLogger(typeof(PublicFormRateLimit).FullName!);
                    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    options.AddPolicy(Policy, http => PostsPerNetwork(http, settings));
                    options.AddPolicy(DelegationPolicy, http => PostsPerNetwork(http, all.Get(DelegationSettings)));
                    options.OnRejected = (context, _) =>
                    {
                        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                            ? retryAfter
                            : TimeSpan.FromSeconds(settings.WindowSeconds);
                        var response = context.HttpContext.Response;
                        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(
                            CultureInfo.InvariantCulture
                        );
                        context.HttpContext.Items[RetryAfterMinutesKey] = Math.Max(
                            1,
                            (int)Math.Ceiling(wait.TotalMinutes)
                        );
                        logger.LogWarning("Public form post refused: rate limit reached for the client's network");
                        return ValueTask.CompletedTask;
                    };
                }
            );
        return services;
    }

    private static RateLimitPartition<string> PostsPerNetwork(HttpContext http, PublicFormRateLimitSettings settings) =>
        HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientNetwork(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty);

    private static string ClientNetwork(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return address.ToString();
    }
}
