using System.Globalization;
using System.Text;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

public static class Csv
{
    /// <summary>A CSV file as spreadsheets open it: a header line, then one line per row, each ending in CRLF, in UTF-8
    /// with a byte-order mark so Excel reads accents and Korean. Fields are written as given: free text goes through
    /// <see cref="Field"/>.</summary>
    public static async Task<byte[]> FileAsync<T>(
        string header,
        IAsyncEnumerable<T> rows,
        Func<T, string[]> fields,
        CancellationToken cancellationToken
    )
    {
        var csv = new StringBuilder().Append(header).Append("\r\n");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.AppendJoin(',', fields(row)).Append("\r\n");
        }

        return Utf8WithBom(csv.ToString());
    }

    /// <summary>The text in UTF-8 after a byte-order mark.</summary>
    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>An instant as ISO 8601 on the clock of a time zone, with its offset: 2025-04-06T10:00-06:00. No
    /// spreadsheet or reader can take it for another day.</summary>
    public static string Instant(DateTime utc, string timeZoneId)
    {
        var local = VenueTime.ToLocal(utc, timeZoneId);
        var offset = VenueTime.Zone(timeZoneId).GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
    }

    /// <summary>A CSV field: quoted when it holds a separator, quote or line break, and defused when a spreadsheet
    /// would run it as a formula (leading =, +, -, @).</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n;") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
