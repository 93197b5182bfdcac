namespace WeGO.Portal.Application.News;

/// <summary>Which language version of a release a reader gets.</summary>
public static class ReleaseVersions
{
    /// <summary>The reader's language where that version exists, else the English, else the first there is.</summary>
    public static T? Pick<T>(IEnumerable<T> versions, Func<T, string> languageOf, string readerLanguage)
        where T : class
    {
        var list = versions.ToList();
        return list.FirstOrDefault(v => languageOf(v) == readerLanguage)
            ?? list.FirstOrDefault(v => languageOf(v) == "en")
            ?? list.OrderBy(v => Rank(languageOf(v))).ThenBy(languageOf, StringComparer.Ordinal).FirstOrDefault();
    }

    private static int Rank(string language)
    {
        var index = ReleaseText.Languages.ToList().IndexOf(language);
        return index < 0 ? int.MaxValue : index;
    }
}
