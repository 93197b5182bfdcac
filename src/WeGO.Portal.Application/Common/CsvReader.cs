using System.Text;

namespace WeGO.Portal.Application.Common;

/// <summary>One record of a CSV file. <see cref="Number"/> counts records from 1 (the header), as a spreadsheet
/// numbers its rows; <see cref="Unclosed"/> says the file ended inside a quoted value.</summary>
public sealed record CsvRecord(int Number, IReadOnlyList<string> Fields, bool Unclosed)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>Reads the CSV that spreadsheets write (RFC 4180): comma or semicolon separated (whichever the header
/// row uses), values in double quotes may hold separators, line breaks and doubled quotes (""), lines end in
/// CRLF, LF or CR. Small on purpose: roster files are a few hundred rows.</summary>
public static class CsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    /// <summary>Decodes UTF-8, with or without a byte-order mark; null when the bytes are not UTF-8 (for example a
    /// file saved as Windows-1252 or UTF-16).</summary>
    public static string? DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (
            bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        )
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The separator the first record uses: a semicolon when it has more semicolons than commas outside quotes
    /// (spreadsheets in Spanish and many other locales write semicolons), otherwise a comma.</summary>
    public static char DetectSeparator(string text)
    {
        int commas = 0,
            semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    public static IEnumerable<CsvRecord> Read(string text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var number = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                // A quoted value: runs to the next lone quote; "" inside it is one quote.
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (!closed)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(number, fields, Unclosed: true);
                    yield break;
                }

                // Anything between the closing quote and the separator is kept as written.
                while (i < text.Length && text[i] != separator && text[i] is not ('\r' or '\n'))
                {
                    field.Append(text[i++]);
                }

                continue;
            }

            if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return new CsvRecord(number++, fields, Unclosed: false);
                fields = [];
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        // The last record, unless the file ended with a line break.
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(number, fields, Unclosed: false);
        }
    }
}
