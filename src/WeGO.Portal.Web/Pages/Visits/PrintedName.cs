using System.Globalization;
using System.Text;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>Which type size a name prints in on a badge or place card (<c>fit-1</c>, largest, to <c>fit-5</c>), so a
/// long name shrinks instead of being cut off. CSS cannot measure text, so the page measures it: the name's width in
/// half-width cells, a Hangul syllable or Han character counting two (it is about twice as wide as a Latin
/// letter).</summary>
public static class PrintedName
{
    private static readonly int[] Widths = [16, 24, 34, 48];

    public static string FitClass(string name)
    {
        var width = Cells(name);
        var step = Array.FindIndex(Widths, limit => width <= limit);
        return $"fit-{(step < 0 ? Widths.Length + 1 : step + 1)}";
    }

    /// <summary>The name's width in half-width cells (one per grapheme, two for a wide one).</summary>
    public static int Cells(string name)
    {
        var cells = 0;
        var graphemes = StringInfo.GetTextElementEnumerator(name);
        while (graphemes.MoveNext())
        {
            var first = Rune.GetRuneAt((string)graphemes.Current, 0);
            cells += IsWide(first) ? 2 : 1;
        }

        return cells;
    }

    // Hangul Jamo and syllables, CJK ideographs, kana and full-width forms: the East Asian wide ranges that names use.
    private static bool IsWide(Rune rune) =>
        rune.Value
            is (>= 0x1100 and <= 0x115F)
                or (>= 0x2E80 and <= 0xA4CF)
                or (>= 0xAC00 and <= 0xD7A3)
                or (>= 0xF900 and <= 0xFAFF)
                or (>= 0xFF00 and <= 0xFF60)
                or (>= 0x20000 and <= 0x3FFFD);
}
