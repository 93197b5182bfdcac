namespace WeGO.Portal.Application.Common;

public static class Csv
{
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

        return value.AsSpan().IndexOfAny(",\"\r\n;") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
