using System.Globalization;
using System.Resources;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Common;

/// <summary>Emails the portal writes, in the recipient's language, from Resources/Emails*.resx. A template <c>X</c> is
/// the pair of keys <c>X.Subject</c> and <c>X.Body</c>; the outbox sender delivers the result.</summary>
public static class Emails
{
    private static readonly ResourceManager Texts = new(
        "WeGO.Portal.Application.Resources.Emails",
        typeof(Emails).Assembly
    );

    public static string Text(string key, string language, params object?[] args)
    {
        var culture = Dates.Culture(language);
        var format = Texts.GetString(key, culture) ?? throw new InvalidOperationException($"No email text '{key}'.");
        return string.Format(culture, format, args);
    }

    /// <summary>An outbox message from template <paramref name="template"/>; <paramref name="args"/> fill {0}, {1}...
    /// in both subject and body. The template's name is the message's kind.</summary>
    public static OutboxMessage Compose(
        string to,
        string template,
        string language,
        DateTime nowUtc,
        params object?[] args
    ) =>
        new(
            to,
            Text(template + ".Subject", language, args),
            Text(template + ".Body", language, args),
            language,
            nowUtc,
            kind: template
        );
}
