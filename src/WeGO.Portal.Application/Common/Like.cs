namespace WeGO.Portal.Application.Common;

/// <summary>Patterns for <c>EF.Functions.Like</c> that take the user's text literally, with <see cref="Escape"/> as the
/// escape character: <c>EF.Functions.Like(column, Like.Containing(text), Like.Escape)</c>.</summary>
public static class Like
{
    public const string Escape = "\\";

    /// <summary>The text itself: the escape character, <c>%</c> and <c>_</c> lose their special meaning.</summary>
    public static string Literal(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);

    /// <summary>Anything that contains the text, trimmed.</summary>
    public static string Containing(string text) => "%" + Literal(text.Trim()) + "%";
}
