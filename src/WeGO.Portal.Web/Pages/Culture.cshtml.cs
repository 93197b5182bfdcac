using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WeGO.Portal.Web.Pages;

/// <summary>The language switcher: remembers the choice in a cookie for a year and goes back where the user
/// was.</summary>
/// <remarks>The layout's switch carries no antiforgery token, so a public page is the same for every visitor and can
/// be served from the output cache (decision 0030). What a token would prevent, another site choosing a visitor's
/// language, is refused by where the post comes from: the browser's Sec-Fetch-Site, else its Origin.</remarks>
[IgnoreAntiforgeryToken]
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(string culture, string? returnUrl)
    {
        if (!FromThisSite())
        {
            return BadRequest();
        }

        if (WebSetup.Languages.Contains(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                }
            );
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>A browser says whether a post comes from a page of this site; a client that says neither (no
    /// Sec-Fetch-Site, no Origin) is not a browser another site could drive.</summary>
    private bool FromThisSite()
    {
        var site = Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = Request.Headers.Origin.ToString();
        return origin.Length == 0
            || (
                Uri.TryCreate(origin, UriKind.Absolute, out var from)
                // The host only: behind a proxy that ends TLS, this request's own scheme may be http.
                && string.Equals(from.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            );
    }
}
