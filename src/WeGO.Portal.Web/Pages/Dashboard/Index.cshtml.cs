using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Dashboard;

namespace WeGO.Portal.Web.Pages.Dashboard;

/// <summary>The directors' dashboard. The period comes from the query string (a GET form and preset links), so a view
/// can be bookmarked or sent to a colleague.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public DashboardPreset? Preset { get; set; }

    /// <summary>Null when the period was refused; the page then shows the form with the reason.</summary>
    public GetDashboard.Result? Dashboard { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Dashboard = await mediator.Send(
            new GetDashboard.Query
            {
                From = From,
                To = To,
                Preset = Preset,
            },
            cancellationToken
        );
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A whole percent, or one decimal below 1% so a few conversions out of hundreds do not read as none;
    /// a dash when there is no rate (nobody to divide by).</summary>
    public static string Percent(double? rate) =>
        rate switch
        {
            null => "—",
            > 0 and < 0.01 => rate.Value.ToString("P1", CultureInfo.CurrentCulture),
            _ => rate.Value.ToString("P0", CultureInfo.CurrentCulture),
        };

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public BarChart VisitsPerMonth(GetDashboard.Result dashboard)
    {
        var format = CultureInfo.CurrentCulture.DateTimeFormat;
        var bars = dashboard
            .VisitsPerMonth.Select(
                (m, index) =>
                    new ChartBar(
                        format.GetAbbreviatedMonthName(m.Month),
                        m.Visits,
                        SubLabel: index == 0 || m.Month == 1 ? m.Year.ToString(CultureInfo.CurrentCulture) : null
                    )
                    {
                        FullLabel = new DateTime(m.Year, m.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString(
                            "Y",
                            CultureInfo.CurrentCulture
                        ),
                    }
            )
            .ToList();
        var busiest = dashboard.VisitsPerMonth.MaxBy(m => m.Visits);
        var summary =
            busiest is null || busiest.Visits == 0
                ? text["Dashboard.NoVisitsInPeriod"].Value
                : text[
                    "Dashboard.VisitsPerMonthSummary",
                    Count(dashboard.VisitsInPeriod),
                    bars.Count,
                    bars[dashboard.VisitsPerMonth.ToList().IndexOf(busiest)].TableLabel,
                    Count(busiest.Visits)
                ].Value;
        return BarChart.Columns(
            "chart-visits-per-month",
            text["Dashboard.VisitsPerMonth"],
            summary,
            bars,
            (text["Dashboard.Month"], text["Dashboard.Visits"])
        );
    }

    public BarChart VisitsPerRegion(GetDashboard.Result dashboard)
    {
        var bars = dashboard.VisitsPerRegion.Select(r => new ChartBar(text["Region." + r.Region], r.Visits)).ToList();
        var summary =
            dashboard.VisitsInPeriod == 0
                ? text["Dashboard.NoVisitsInPeriod"].Value
                : string.Join(
                    "; ",
                    bars.Where(b => b.Value > 0)
                        .OrderByDescending(b => b.Value)
                        .Select(b => $"{b.Label}: {b.ShownValue}")
                );
        return BarChart.Rows(
            "chart-visits-per-region",
            text["Dashboard.VisitsPerRegion"],
            summary,
            bars,
            (text["Dashboard.Region"], text["Dashboard.Visits"])
        );
    }

    public BarChart InquiriesByStage(GetDashboard.Result dashboard)
    {
        var bars = dashboard
            .InquiriesByStage.Select(s => new ChartBar(
                text["Inquiries.Stage." + s.Stage],
                s.Inquiries,
                FillClass: "chart-fill-alt"
            ))
            .ToList();
        var summary =
            dashboard.InquiriesInPeriod == 0
                ? text["Dashboard.NoInquiriesInPeriod"].Value
                : string.Join("; ", bars.Where(b => b.Value > 0).Select(b => $"{b.Label}: {b.ShownValue}"));
        return BarChart.Rows(
            "chart-inquiries-by-stage",
            text["Dashboard.InquiriesByStage"],
            summary,
            bars,
            (text["Dashboard.Stage"], text["Dashboard.Inquiries"])
        );
    }

    /// <summary>Three steps, each bar with its count and, after the first, its share of the organisations
    /// visited.</summary>
    public BarChart Funnel(GetDashboard.Result dashboard)
    {
        var funnel = dashboard.Funnel;
        ChartBar Step(string key, int value, double? rate, string fill) =>
            new(
                text[key],
                value,
                ValueText: rate is null ? Count(value) : text["Dashboard.CountAndShare", Count(value), Percent(rate)],
                FillClass: fill
            );
        var bars = new List<ChartBar>
        {
            Step("Dashboard.FunnelVisited", funnel.Visited, null, "chart-fill"),
            Step("Dashboard.FunnelInquired", funnel.Inquired, funnel.InquiryRate, "chart-fill-step2"),
            Step("Dashboard.FunnelMembers", funnel.BecameMembers, funnel.MemberRate, "chart-fill-step3"),
        };
        var summary =
            funnel.Visited == 0
                ? text["Dashboard.NoVisitsInPeriod"].Value
                : text[
                    "Dashboard.FunnelSummary",
                    Count(funnel.Visited),
                    Count(funnel.Inquired),
                    Percent(funnel.InquiryRate),
                    Count(funnel.BecameMembers),
                    Percent(funnel.MemberRate)
                ].Value;
        return BarChart.Rows(
            "chart-funnel",
            text["Dashboard.Funnel"],
            summary,
            bars,
            (text["Dashboard.FunnelStep"], text["Dashboard.Organisations"])
        );
    }
}
