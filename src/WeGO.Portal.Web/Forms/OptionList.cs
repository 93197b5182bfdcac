using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace WeGO.Portal.Web.Forms;

/// <summary>A long select's <c>&lt;option&gt;</c>s (the countries, the visits of the membership form) rendered once
/// per list and language and kept, rather than through Razor and a tag helper per option on every request (decision
/// 0042). A list is kept for as long as the very list it was rendered from is alive: a kept read
/// (<see cref="Application.Common.Caching.ReadCache"/>) hands every reader the same instance until a commit changes
/// what it shows, and the next read is a new instance, so the options follow the data exactly as the read does. The
/// chosen option is marked as it is shown, on the kept text.</summary>
public sealed class OptionList
{
    private const string Selected = " selected=\"selected\"";

    private static readonly ConditionalWeakTable<
        object,
        ConcurrentDictionary<(string Culture, string UiCulture), OptionList>
    > Kept = new();

    private readonly HtmlString all;
    private readonly string html;

    /// <summary>Where each value's start tag ends (its <c>&gt;</c>), where <c>selected</c> goes.</summary>
    private readonly Dictionary<string, int> tagEnds;

    private OptionList(IEnumerable<(string Value, string Text)> options, HtmlEncoder encoder)
    {
        var builder = new StringBuilder();
        tagEnds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, text) in options)
        {
            builder.Append("\n<option value=\"").Append(encoder.Encode(value)).Append('"');
            tagEnds.TryAdd(value, builder.Length);
            builder.Append('>').Append(encoder.Encode(text)).Append("</option>");
        }

        html = builder.Append('\n').ToString();
        all = new HtmlString(html);
    }

    /// <summary>The options of <paramref name="source"/> in the current language, rendered the first time they are
    /// asked for in it.</summary>
    public static OptionList Of<T>(
        IReadOnlyList<T> source,
        Func<T, string> value,
        Func<T, string> text,
        HtmlEncoder encoder
    )
        where T : notnull
    {
        var languages = Kept.GetValue(source, static _ => new());
        var language = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
        return languages.TryGetValue(language, out var kept)
            ? kept
            : languages.GetOrAdd(language, Render(source, value, text, encoder));
    }

    private static OptionList Render<T>(
        IReadOnlyList<T> source,
        Func<T, string> value,
        Func<T, string> text,
        HtmlEncoder encoder
    ) => new(source.Select(o => (value(o), text(o))), encoder);

    /// <summary>The options with the one whose value is <paramref name="chosen"/> (ignoring case) selected, if
    /// any.</summary>
    public IHtmlContent With(string? chosen)
    {
        if (chosen is null || !tagEnds.TryGetValue(chosen, out var at))
        {
            return all;
        }

        return new HtmlContentBuilder(3).AppendHtml(html[..at]).AppendHtml(Selected).AppendHtml(html[at..]);
    }
}
