using System.Globalization;

namespace WeGO.Portal.Web;

/// <summary>The route values of a list's own links (another page, a stage, the export), so that a link keeps what the
/// reader chose: each value that has one, under its name; empty ones are left out of the address.</summary>
public static class LinkValues
{
    public static Dictionary<string, string> Of(params (string Name, object? Value)[] values)
    {
        var route = new Dictionary<string, string>();
        foreach (var (name, value) in values)
        {
            if (Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text)
            {
                route[name] = text;
            }
        }

        return route;
    }
}
