using System.Globalization;

namespace WeGO.Portal.Web.Pages.Dashboard;

/// <summary>One bar: its direct label (and a second line under a column, e.g. the year), its value, the text written at
/// its end (the value, or the value and a percentage) and a CSS class for its fill.</summary>
public sealed record ChartBar(
    string Label,
    int Value,
    string? SubLabel = null,
    string? ValueText = null,
    string FillClass = "chart-fill"
)
{
    /// <summary>The label in full, for the table and the bar's tooltip (e.g. "June 2024" for a column labelled
    /// "Jun").</summary>
    public string? FullLabel { get; init; }

    public string TableLabel => FullLabel ?? Label;

    public string ShownValue => ValueText ?? Value.ToString("N0", CultureInfo.CurrentCulture);
}

/// <summary>The geometry of a bar chart drawn as server-side SVG (no script; the page's CSP allows none inline):
/// columns for a series over time, horizontal bars for categories. Sizes are in viewBox units; the SVG scales to its
/// container. Every bar carries its label and value as text, so the chart reads without colour.</summary>
public sealed class BarChart
{
    public const int Width = 720;
    private const int ColumnPlotTop = 22;
    private const int ColumnPlotHeight = 180;
    private const int ColumnLabelSpace = 38;
    private const int RowHeight = 36;
    private const int RowLabelWidth = 290;
    private const int RowValueSpace = 140;

    // The row labels' font size in viewBox units (site.css, .chart-rows .chart-label).
    private const double RowLabelFontSize = 19;

    private BarChart(
        string id,
        string title,
        string summary,
        IReadOnlyList<ChartBar> bars,
        (string Label, string Value) headings,
        bool horizontal
    )
    {
        LabelHeading = headings.Label;
        ValueHeading = headings.Value;
        Id = id;
        Title = title;
        Summary = summary;
        Bars = bars;
        Horizontal = horizontal;
        Max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>What the chart shows in one sentence, for its aria-label.</summary>
    public string Summary { get; }

    public IReadOnlyList<ChartBar> Bars { get; }

    /// <summary>Column headings of the chart's table.</summary>
    public string LabelHeading { get; }

    public string ValueHeading { get; }

    public bool Horizontal { get; }

    private int Max { get; }

    public int Height =>
        Horizontal ? (Bars.Count * RowHeight) + 4 : ColumnPlotTop + ColumnPlotHeight + ColumnLabelSpace;

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    /// <summary>Columns side by side, e.g. visits per month.</summary>
    public static BarChart Columns(
        string id,
        string title,
        string summary,
        IReadOnlyList<ChartBar> bars,
        (string Label, string Value) headings
    ) => new(id, title, summary, bars, headings, horizontal: false);

    /// <summary>One bar per row with its label on the left, e.g. visits per region.</summary>
    public static BarChart Rows(
        string id,
        string title,
        string summary,
        IReadOnlyList<ChartBar> bars,
        (string Label, string Value) headings
    ) => new(id, title, summary, bars, headings, horizontal: true);

    /// <summary>A row's label as it fits left of its bar: cut with an ellipsis when it would run past the chart's edge
    /// (an SVG text cannot wrap); the full text is in its tooltip and in the chart's table. Widths are estimated per
    /// character (measured on the region names): Hangul and CJK a full em, m and w three quarters, capitals 0.62, the
    /// rest 0.47.</summary>
    public static string FitRowLabel(string label)
    {
        var room = (RowLabelWidth - 8) / RowLabelFontSize;
        static double Em(char c) =>
            c switch
            {
                >= '\u1100' and <= '\u11FF' or >= '\u2E80' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' => 1.0,
                'm' or 'w' or 'M' or 'W' => 0.75,
                _ when char.IsUpper(c) => 0.62,
                _ => 0.47,
            };
        if (label.Sum(Em) <= room)
        {
            return label;
        }

        var used = Em('…');
        var kept = 0;
        while (kept < label.Length && used + Em(label[kept]) <= room)
        {
            used += Em(label[kept++]);
        }

        return label[..kept].TrimEnd() + "…";
    }

    /// <summary>Values are written on every column while they fit (about three years of months); the table has them
    /// all.</summary>
    public bool ShowsColumnValues => Bars.Count <= 36;

    public IEnumerable<Placed> Place()
    {
        if (Horizontal)
        {
            var plotWidth = Width - RowLabelWidth - RowValueSpace;
            for (var i = 0; i < Bars.Count; i++)
            {
                var bar = Bars[i];
                var length = Scale(bar.Value, plotWidth);
                var y = (i * RowHeight) + 4;
                yield return new Placed(
                    bar,
                    X: RowLabelWidth,
                    Y: y,
                    W: length,
                    H: RowHeight - 10,
                    LabelX: RowLabelWidth - 8,
                    LabelY: y + 13,
                    ValueX: RowLabelWidth + length + 6,
                    ValueY: y + 13,
                    ShowLabel: true,
                    SubLabelY: 0
                );
            }

            yield break;
        }

        var slot = (double)Width / Math.Max(1, Bars.Count);
        var every = (int)Math.Ceiling(Bars.Count / 24.0);
        var baseline = ColumnPlotTop + ColumnPlotHeight;
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var height = Scale(bar.Value, ColumnPlotHeight);
            var width = Math.Max(2, slot * 0.7);
            var x = (i * slot) + ((slot - width) / 2);
            var center = (i * slot) + (slot / 2);
            yield return new Placed(
                bar,
                X: x,
                Y: baseline - height,
                W: width,
                H: height,
                LabelX: center,
                LabelY: baseline + 15,
                ValueX: center,
                ValueY: baseline - height - 5,
                ShowLabel: i % every == 0 || bar.SubLabel is not null,
                SubLabelY: baseline + 31
            );
        }
    }

    public int Baseline => ColumnPlotTop + ColumnPlotHeight;

    private double Scale(int value, double full) => value <= 0 ? 0 : Math.Max(1, full * value / Max);

    /// <summary>A bar with its position; numbers are written with a dot whatever the page's culture.</summary>
    public sealed record Placed(
        ChartBar Bar,
        double X,
        double Y,
        double W,
        double H,
        double LabelX,
        double LabelY,
        double ValueX,
        double ValueY,
        bool ShowLabel,
        double SubLabelY
    )
    {
        /// <summary>The value to one decimal, as <c>Math.Round(value, 1)</c> writes it in the invariant culture ("12",
        /// "12.5", "-0.3"), written from whole tenths: a chart writes some two hundred of these per dashboard, and
        /// formatting a double was a third of drawing the charts.</summary>
        public static string N(double value)
        {
            var tenths = (long)Math.Round(value * 10);
            var whole = Math.Abs(tenths / 10);
            var tenth = Math.Abs(tenths % 10);
            var sign = tenths < 0 ? "-" : "";
            return tenth == 0
                ? string.Concat(sign, whole.ToString(CultureInfo.InvariantCulture))
                : string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{tenth}");
        }
    }
}
