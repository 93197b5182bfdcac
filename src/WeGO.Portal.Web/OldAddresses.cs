namespace WeGO.Portal.Web;

/// <summary>Addresses the portal answered before each feature took one name (decision 0015), and the short public
/// addresses printed on material (<c>/join</c>, <c>/visit</c>). Links in emails already sent, bookmarks and printed
/// material keep working: each old address answers 301 with the new one (308 for a post,
/// so a form left open in a browser still reaches its page), the rest of the path and the query kept.</summary>
public static class OldAddresses
{
    /// <summary>Old prefix, new prefix. Route precedence tries the longer literal first (<c>/join/sent</c> before
    /// <c>/join</c>).</summary>
    public static readonly IReadOnlyList<(string Old, string New)> Moves =
    [
        ("/join/sent", "/Membership/Sent"),
        ("/join", "/Membership/Join"),
        ("/visit/sent", "/VisitRequests/Sent"),
        ("/visit/status", "/VisitRequests/Status"),
        ("/visit", "/VisitRequests/Ask"),
        ("/inquiry", "/Membership/Status"),
        ("/Inquiries", "/Membership/Inquiries"),
        ("/Admin/Users", "/Staff"),
    ];

    public static void MapOldAddresses(this IEndpointRouteBuilder app)
    {
        foreach (var (old, moved) in Moves)
        {
            app.Map(old + "/{**rest}", (HttpRequest request, string? rest) => Redirect(request, moved, rest))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }
    }

    private static IResult Redirect(HttpRequest request, string moved, string? rest)
    {
        // The route decoded the rest; encoded again segment by segment, nothing in it can end the Location header.
        var path = rest is { Length: > 0 }
            ? $"{moved}/{string.Join('/', rest.Split('/').Select(Uri.EscapeDataString))}"
            : moved;
        var keepsMethod = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        return Results.Redirect(
            request.PathBase + path + request.QueryString,
            permanent: true,
            preserveMethod: keepsMethod
        );
    }
}
