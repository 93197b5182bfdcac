using Microsoft.Extensions.Options;

namespace WeGO.Portal.Application.News;

/// <summary>What the Secretariat prints at the end of every release, per release language (configuration section
/// <c>Portal:News:Languages:{en|es|ko}</c>): the "About WeGO" passage and the press contact. They are the
/// Secretariat's words, kept in settings rather than in the code, so they change without a release of the
/// portal. A language that leaves a press contact field empty takes English's.</summary>
public sealed class NewsSettings
{
    public const string Section = "Portal:News";

    public Dictionary<string, ReleaseFooter> Languages { get; set; } = [];

    /// <summary>The footer of a release in <paramref name="language"/>, each empty press contact field taken from
    /// English's.</summary>
    public ReleaseFooter For(string language)
    {
        var english = Find("en") ?? new ReleaseFooter();
        var own = Find(language) ?? new ReleaseFooter();
        return new ReleaseFooter
        {
            About = own.About,
            PressContactName = Either(own.PressContactName, english.PressContactName),
            PressContactEmail = Either(own.PressContactEmail, english.PressContactEmail),
            PressContactPhone = Either(own.PressContactPhone, english.PressContactPhone),
        };
    }

    /// <summary>What the settings lack: a release language's passage, or English's press contact name or email (which
    /// every language takes when it has none of its own). Empty when the settings are whole; the portal refuses to
    /// start otherwise.</summary>
    public IEnumerable<string> Missing(IEnumerable<string> languages)
    {
        foreach (var language in languages.Where(l => string.IsNullOrWhiteSpace(For(l).About)))
        {
            yield return $"{Section}:Languages:{language}:About";
        }

        var english = For("en");
        if (string.IsNullOrWhiteSpace(english.PressContactName))
        {
            yield return $"{Section}:Languages:en:PressContactName";
        }

        if (string.IsNullOrWhiteSpace(english.PressContactEmail))
        {
            yield return $"{Section}:Languages:en:PressContactEmail";
        }
    }

    /// <summary>Refuses to start the portal on settings that would print a release without its end, naming each
    /// missing key.</summary>
    public sealed class Whole : IValidateOptions<NewsSettings>
    {
        public ValidateOptionsResult Validate(string? name, NewsSettings options)
        {
            var missing = options.Missing(ReleaseText.Languages).ToList();
            return missing.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Missing release settings: " + string.Join(", ", missing));
        }
    }

    private ReleaseFooter? Find(string language) =>
        Languages.FirstOrDefault(l => string.Equals(l.Key, language, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Either(string own, string english) => string.IsNullOrWhiteSpace(own) ? english : own;
}

/// <summary>The end of a release in one language.</summary>
public sealed class ReleaseFooter
{
    /// <summary>The "About WeGO" passage: paragraphs separated by a blank line.</summary>
    public string About { get; set; } = "";

    public string PressContactName { get; set; } = "";

    public string PressContactEmail { get; set; } = "";

    /// <summary>Left out of the release when empty.</summary>
    public string PressContactPhone { get; set; } = "";
}
