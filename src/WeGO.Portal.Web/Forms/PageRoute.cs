using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WeGO.Portal.Web.Forms;

public static class PageRoute
{
    /// <summary>The numeric {id} of the page's route, for code that runs outside a handler's parameters
    /// (showing a page again after a refused post).</summary>
    public static int RouteId(this PageModel page) =>
        Convert.ToInt32(page.RouteData.Values["id"], CultureInfo.InvariantCulture);
}
