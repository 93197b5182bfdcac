using System.Globalization;
using CsvHelper;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Common;

/// <summary>One record of a CSV file. <see cref="Number"/> counts records from 1, blank ones included, as a
/// spreadsheet numbers its rows (a value with line breaks inside quotes stays on one row); <see cref="Unclosed"/> says
/// the file ended inside a quoted value.</summary>
public sealed record CsvRecord(int Number, IReadOnlyList<string> Fields, bool Unclosed)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>CSV as spreadsheets write and open it, read and written by CsvHelper (decision 0020).</summary>
public static class Csv
{
    /// <summary>RFC 4180 with CRLF, UTF-8 with a byte-order mark so Excel reads accents and Korean. A text field that
    /// a spreadsheet would run as a formula (it starts with = + - @, a tab or CR) is written as text: ' in front, and
    /// quoted. A semicolon is quoted too, so a spreadsheet set to split on semicolons keeps the field whole.</summary>
    private static readonly CsvWriterOptions Writing = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        ShouldQuote = (field, _, _, _) => field.Contains(';'),
    };

    /// <summary>The records are numbered by the reader, so blank lines are kept (and counted) rather than skipped;
    /// the caller decides which record is the header (a roster's is the first with a value).</summary>
    private static readonly CsvReaderOptions Reading = new() { HasHeader = false, SkipEmptyLines = false };

    /// <summary>A CSV file: the header, then a record per row with the values <paramref name="fields"/> gives (text,
    /// numbers, or null for an empty field).</summary>
    public static async Task<byte[]> FileAsync<T>(
        IReadOnlyList<string> header,
        IAsyncEnumerable<T> rows,
        Func<T, object?[]> fields,
        CancellationToken cancellationToken
    )
    {
        using var file = new MemoryStream();
        await using (var writer = CsvWriter.Create(file, Writing, leaveOpen: true))
        {
            writer.WriteHeader([.. header]);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                foreach (var field in fields(row))
                {
                    writer.WriteField(field);
                }

                await writer.EndRecordAsync(cancellationToken);
            }
        }

        return file.ToArray();
    }

    /// <summary>A CSV file of the header alone, such as a template to fill in.</summary>
    public static byte[] Header(IReadOnlyList<string> header)
    {
        using var file = new MemoryStream();
        using (var writer = CsvWriter.Create(file, Writing, leaveOpen: true))
        {
            writer.WriteHeader([.. header]);
        }

        return file.ToArray();
    }

    /// <summary>The records of a UTF-8 file (with or without a byte-order mark), each with the fields it has: comma
    /// or semicolon separated, whichever the file uses (spreadsheets in Spanish and many other locales write
    /// semicolons); values in double quotes may hold separators, line breaks and doubled quotes; lines end in CRLF,
    /// LF or CR. A quote left open runs to the end of the file, whose last record says so.</summary>
    public static IEnumerable<CsvRecord> Read(byte[] utf8)
    {
        long unclosed = 0;
        var options = Reading with
        {
            OnMalformedRecord = malformed =>
            {
                if (malformed.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    unclosed = malformed.RecordNumber;
                }
            },
        };
        var reader = CsvReader.Create(utf8, options);
        if (reader.Separator is not (',' or ';'))
        {
            // CsvHelper also detects tabs and pipes; a roster is comma or semicolon separated, so a file that looks
            // otherwise (one column of names with a | in them) is read as it always was: with commas.
            reader.Dispose();
            reader = CsvReader.Create(utf8, options with { Separator = ',' });
        }

        using (reader)
        {
            while (reader.Read())
            {
                var number = (int)reader.RowNumber;
                yield return new CsvRecord(number, reader.Current.ToArray(), Unclosed: unclosed == number);
            }
        }
    }

    /// <summary>An instant as ISO 8601 on the clock of a time zone, with its offset: 2025-04-06T10:00-06:00. No
    /// spreadsheet or reader can take it for another day.</summary>
    public static string Instant(DateTime utc, string timeZoneId)
    {
        var local = VenueTime.ToLocal(utc, timeZoneId);
        var offset = VenueTime.Zone(timeZoneId).GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
    }
}
