using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Web;

/// <summary>The one way a page says "done" after a redirect: <c>this.Done("Flash.ReleaseSaved")</c> keeps a UiText key
/// (and its arguments) for the next page, where _Layout shows it once, in the reader's language, with
/// role="status".</summary>
public static class DoneMessage
{
    private const string Key = "Done";

    /// <summary>Says <paramref name="textKey"/> (a UiText key) on the next page, with
    /// <paramref name="arguments"/> in its placeholders.</summary>
    public static void Done(this PageModel page, string textKey, params string[] arguments) =>
        page.TempData[Key] = (string[])[textKey, .. arguments];

    /// <summary>Says a text with a count (<see cref="Plural"/>): its {0} is <paramref name="count"/>.</summary>
    public static void Done(this PageModel page, string textKey, long count) =>
        page.Done(
            Plural.Key(textKey, count, CultureInfo.CurrentUICulture),
            count.ToString("N0", CultureInfo.CurrentCulture)
        );

    /// <summary>What the previous page said it did, read once; null when it said nothing. Looked for only when the
    /// request brings the message's cookie: reading an empty TempData answers with a cookie deletion, which would keep
    /// every public page out of the output cache (decision 0030).</summary>
    public static (string TextKey, object[] Arguments)? Said(this ITempDataDictionary tempData, HttpRequest request) =>
        request.Cookies.ContainsKey(CookieTempDataProvider.CookieName) && tempData[Key] is string[] { Length: > 0 } said
            ? (said[0], [.. said[1..]])
            : null;
}
