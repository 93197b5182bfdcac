namespace WeGO.Portal.Application.Membership;

/// <summary>What text the public form accepts. Names, addresses and numbers are one line of visible characters; longer
/// texts may break lines. Neither may hold other control characters or broken UTF-16 (lone surrogates).</summary>
public static class InquiryText
{
    public static bool IsSingleLine(string? value) =>
        value is null || value.All(IsAllowedInLine) && IsWellFormed(value);

    public static bool IsMultiLine(string? value) =>
        value is null || value.All(c => c is '\r' or '\n' or '\t' || !char.IsControl(c)) && IsWellFormed(value);

    /// <summary>A plausible address: local@domain.tld, no spaces or characters that only appear in forged
    /// input.</summary>
    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var email = value.Trim();
        var at = email.LastIndexOf('@');
        if (at <= 0 || at > 64 || at == email.Length - 1)
        {
            return false;
        }

        var local = email[..at];
        var labels = email[(at + 1)..].Split('.');
        return local.All(c =>
                !char.IsWhiteSpace(c) && !char.IsControl(c) && !"@<>()[]\\,;:\"".Contains(c, StringComparison.Ordinal)
            )
            && !local.StartsWith('.')
            && !local.EndsWith('.')
            && !local.Contains("..", StringComparison.Ordinal)
            && labels.Length >= 2
            && labels.All(l =>
                l.Length is > 0 and <= 63
                && l.All(c => char.IsLetterOrDigit(c) || c == '-')
                && !l.StartsWith('-')
                && !l.EndsWith('-')
            )
            && labels[^1].Length >= 2
            && labels[^1].All(char.IsLetter);
    }

    /// <summary>International format: "+", the country code and the number, with spaces, hyphens, dots or
    /// parentheses as the caller likes (e.g. "+60 6-762 0000"); 7 to 15 digits as E.164 allows.</summary>
    public static bool IsInternationalPhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var phone = value.Trim();
        var digits = phone.Count(char.IsAsciiDigit);
        return phone.Length > 1
            && phone[0] == '+'
            && char.IsAsciiDigit(phone[1])
            && phone.Skip(1).All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')')
            && digits is >= 7 and <= 15;
    }

    // Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) make a name read differently from
    // what it is.
    private static bool IsAllowedInLine(char c) =>
        !char.IsControl(c) && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069');

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
