using System.Globalization;
using System.Resources;

namespace WeGO.Portal.Application.News;

/// <summary>The Secretariat's words in each release language, kept beside the release sentences in
/// Resources/Releases*.resx: staff titles and roles (<c>Title.*</c>), topics of interest (<c>Topic.*</c>) and common
/// agenda items (<c>Agenda.Item.*</c>). A record stores the English word; a page or release prints its
/// translation. A word outside the vocabulary has no translation and is printed as typed.</summary>
public static class Vocabulary
{
    public const string Titles = "Title.";
    public const string Topics = "Topic.";
    public const string AgendaItems = "Agenda.Item.";

    internal static readonly ResourceManager Texts = new(
        "WeGO.Portal.Application.Resources.Releases",
        typeof(Vocabulary).Assembly
    )
    {
        IgnoreCase = true,
    };

    /// <summary>The word's translation into <paramref name="culture"/>'s language, or null when
    /// <paramref name="english"/> is not a word of the vocabulary <paramref name="kind"/>.</summary>
    public static string? Translate(string kind, string english, CultureInfo culture)
    {
        var key = kind + KeyOf(english);
        return Texts.GetString(key, CultureInfo.InvariantCulture) is null ? null : Texts.GetString(key, culture);
    }

    /// <summary>What a page prints for a recorded word: its translation into <paramref name="culture"/>'s language
    /// when it is a word of the vocabulary <paramref name="kind"/>, else the word as typed.</summary>
    public static string InLanguage(string kind, string text, CultureInfo culture) =>
        Translate(kind, text, culture) ?? text;

    /// <summary>The English words of one vocabulary with their translation into <paramref name="culture"/>'s
    /// language, in the English words' order.</summary>
    public static IReadOnlyList<(string English, string Translated)> Words(string kind, CultureInfo culture) =>
        [
            .. (
                Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
                ?? throw new InvalidOperationException("No release texts.")
            )
                .Cast<System.Collections.DictionaryEntry>()
                .Where(entry => ((string)entry.Key).StartsWith(kind, StringComparison.Ordinal))
                .Select(entry => (string)entry.Value!)
                .Order(StringComparer.Ordinal)
                .Select(english => (english, Translate(kind, english, culture) ?? english)),
        ];

    /// <summary>A vocabulary title at the start of <paramref name="text"/> ("Secretary General Jeong-kee Kim"), the
    /// longest that fits, and what follows it.</summary>
    public static (string Title, string Name)? LeadingTitle(string text)
    {
        foreach (
            var (english, _) in Words(Titles, CultureInfo.InvariantCulture).OrderByDescending(w => w.English.Length)
        )
        {
            if (text.StartsWith(english + " ", StringComparison.OrdinalIgnoreCase))
            {
                return (english, text[(english.Length + 1)..].Trim());
            }
        }

        return null;
    }

    internal static string KeyOf(string words) => string.Concat(words.Where(char.IsLetterOrDigit));
}
