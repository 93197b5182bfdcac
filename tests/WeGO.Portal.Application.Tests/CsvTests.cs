using System.Text;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Application.Tests;

/// <summary>The CSV the portal writes (exports, the roster template) and reads (roster imports), through CsvHelper.
/// The features' own tests cover the files end to end; these pin the choices of decision 0020.</summary>
public sealed class CsvTests
{
    private static async Task<string> WrittenAsync(params object?[] fields)
    {
        var file = await Csv.FileAsync(["Value"], new[] { fields }.ToAsyncEnumerable(), row => row, default);
        Assert.Equal(Encoding.UTF8.GetPreamble(), file[..3]);
        return Encoding.UTF8.GetString(file[3..]);
    }

    private static List<CsvRecord> Read(string text, bool byteOrderMark = false) =>
        [.. Csv.Read([.. byteOrderMark ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)])];

    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(1)", "\"'=HYPERLINK(1)\"")]
    [InlineData("=김민수", "\"'=김민수\"")]
    [InlineData("-José Ñúñez", "\"'-José Ñúñez\"")]
    [InlineData("@Bogotá, D.C.", "\"'@Bogotá, D.C.\"")]
    public async Task Text_that_a_spreadsheet_would_run_is_written_as_text(string value, string field)
    {
        var written = await WrittenAsync(value);

        Assert.Equal($"Value\r\n{field}\r\n", written);
        Assert.Equal("'" + value, Read(written).Last().Fields[0]);
    }

    [Theory]
    [InlineData("Seoul, Korea", "\"Seoul, Korea\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("Ana Vázquez; Luis Ortega", "\"Ana Vázquez; Luis Ortega\"")]
    [InlineData("Line one\nline two", "\"Line one\nline two\"")]
    [InlineData("Line one\r\nline two", "\"Line one\r\nline two\"")]
    [InlineData(" spaced ", " spaced ")]
    [InlineData("Seoul", "Seoul")]
    [InlineData("서울 강남구", "서울 강남구")]
    [InlineData("José's \"Ñ\" 김", "\"José's \"\"Ñ\"\" 김\"")]
    public async Task Text_is_quoted_only_for_separators_quotes_and_line_breaks_and_read_back_whole(
        string value,
        string field
    )
    {
        var written = await WrittenAsync(value);

        Assert.Equal($"Value\r\n{field}\r\n", written);
        Assert.Equal(value, Read(written).Last().Fields[0]);
    }

    [Fact]
    public async Task Numbers_and_missing_values_are_written_as_they_are_and_every_record_ends_in_crlf()
    {
        var file = await Csv.FileAsync(
            ["Id", "Population", "Owner"],
            new[] { new object?[] { 7, -5, null }, [12, null, "Kim"] }.ToAsyncEnumerable(),
            row => row,
            default
        );

        Assert.Equal("\uFEFFId,Population,Owner\r\n7,-5,\r\n12,,Kim\r\n", Encoding.UTF8.GetString(file));
    }

    [Fact]
    public void Records_are_numbered_as_a_spreadsheet_numbers_its_rows()
    {
        var records = Read(
            "\r\nname,title\r\n\"Lee\nKai Yet\",\"Town\r\nplanner\"\r\n\r\n,\rTan,Officer\nLast,x",
            true
        );

        Assert.Equal(
            [
                (1, ""),
                (2, "name|title"),
                (3, "Lee\nKai Yet|Town\r\nplanner"),
                (4, ""),
                (5, "|"),
                (6, "Tan|Officer"),
                (7, "Last|x"),
            ],
            records.Select(r => (r.Number, string.Join("|", r.Fields)))
        );
        Assert.Equal([true, false, false, true, true, false, false], records.Select(r => r.IsBlank));
        Assert.DoesNotContain(records, r => r.Unclosed);
    }

    [Theory]
    [InlineData(
        "nombre;cargo\r\n\"Tan, Mei Ling\";\"Oficial; planificación\"\r\n",
        "Tan, Mei Ling|Oficial; planificación"
    )]
    [InlineData("name,title\r\n\"Lee; Kai Yet\",Councillor\r\n", "Lee; Kai Yet|Councillor")]
    [InlineData("name\r\nLee | Kai Yet\r\nTan | Mei Ling\r\n", "Lee | Kai Yet")]
    [InlineData("sep=;\r\nname;title\r\nLee, Kai Yet;Councillor\r\n", "Lee, Kai Yet|Councillor")]
    [InlineData("name\tcargo\r\nLee\tCouncillor\r\n", "Lee\tCouncillor")]
    public void The_separator_is_a_comma_or_a_semicolon_whichever_the_file_uses(string text, string second)
    {
        var records = Read(text, byteOrderMark: true);

        Assert.Equal(second, string.Join("|", records[1].Fields));
        Assert.DoesNotContain('\uFEFF', records[0].Fields[0]);
    }

    [Fact]
    public void A_quote_left_open_runs_to_the_end_and_only_its_record_says_so()
    {
        var records = Read("name,title\n\"ab\"c,d\"e\nLee,\"Town planner\nTan,Officer\n");

        Assert.Equal([1, 2, 3], records.Select(r => r.Number));
        Assert.Equal(["abc", "d\"e"], records[1].Fields);
        Assert.Equal([false, false, true], records.Select(r => r.Unclosed));
        Assert.Equal(["Lee", "Town planner\nTan,Officer\n"], records[2].Fields);
    }
}
