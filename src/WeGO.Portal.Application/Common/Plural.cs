using System.Globalization;
using Microsoft.Extensions.Localization;

namespace WeGO.Portal.Application.Common;

/// <summary>A number next to a noun, as each language says it. A text has its general form under its key ("{0} visits",
/// "{0} visitas", "방문 {0}건") and, in the languages with a singular, a form for exactly one under the key
/// plus <see cref="OneSuffix"/> ("1 visit", "1 visita"). Korean counts without plural forms, so it has only the
/// general one.</summary>
public static class Plural
{
    public const string OneSuffix = ".One";

    /// <summary>CLDR's "one" for the portal's languages: the integer 1 in English and Spanish; never in
    /// Korean.</summary>
    public static bool IsOne(long count, CultureInfo culture) =>
        count == 1 && culture.TwoLetterISOLanguageName is "en" or "es";

    public static string Key(string key, long count, CultureInfo culture) =>
        IsOne(count, culture) ? key + OneSuffix : key;

    /// <summary>The text for <paramref name="count"/> (its {0}, written with group separators), then any other
    /// arguments.</summary>
    public static LocalizedString Count(this IStringLocalizer text, string key, long count, params object[] more) =>
        text[
            Key(key, count, CultureInfo.CurrentUICulture),
            [count.ToString("N0", CultureInfo.CurrentCulture), .. more]
        ];
}
