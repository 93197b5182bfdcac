using Microsoft.Extensions.Localization;

namespace WeGO.Portal.Web.Identity;

/// <summary>"Firefox on Windows": the browser family and system a session's User-Agent names, so a person can tell
/// their sessions apart. Only the families people recognise are told apart (a full parser's device database answers
/// questions nobody asks here; see docs/decisions/0013-server-side-sessions.md); the raw header is shown beside
/// it.</summary>
public static class BrowserName
{
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("iPhone", "iOS"),
        ("iPad", "iOS"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ];

    public static string Describe(string userAgent, IStringLocalizer text)
    {
        var browser = First(Browsers, userAgent);
        var system = First(Systems, userAgent);
        return (browser, system) switch
        {
            (null, _) => text["Sessions.UnknownBrowser"],
            (_, null) => browser,
            _ => text["Sessions.BrowserOn", browser, system],
        };
    }

    private static string? First((string Marker, string Name)[] known, string userAgent) =>
        known.FirstOrDefault(k => userAgent.Contains(k.Marker, StringComparison.Ordinal)).Name;
}
