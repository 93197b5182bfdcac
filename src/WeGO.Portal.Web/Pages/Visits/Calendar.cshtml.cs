using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Domain.Visits;
using WeGO.Portal.Web.Calendar;

namespace WeGO.Portal.Web.Pages.Visits;

/// <summary>The visits on a month grid (weeks from Monday) or a week, each on its day in the viewer's time zone; and
/// the user's own address for subscribing to the visits from a calendar app.</summary>
public sealed class CalendarModel(
    IMediator mediator,
    TimeProvider clock,
    ViewerTime viewer,
    CalendarFeedTokens feedTokens
) : PageModel
{
    // Dates outside these years are typing mistakes; keeping to them also keeps date arithmetic in range.
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2199, 12, 31);

    public bool IsWeek { get; private set; }

    /// <summary>The day asked for; the month or week shown is the one around it.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>Today in the viewer's time zone.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The days shown, in rows of seven from Monday.</summary>
    public IReadOnlyList<IReadOnlyList<DateOnly>> Weeks { get; private set; } = [];

    public ILookup<DateOnly, GetVisitCalendar.Entry> Visits { get; private set; } =
        Array.Empty<GetVisitCalendar.Entry>().ToLookup(e => e.Day);

    public int VisitCount { get; private set; }

    public DateOnly Previous { get; private set; }

    public DateOnly Next { get; private set; }

    public string? FeedAddress { get; private set; }

    /// <summary>The weekday names from Monday, in the page's language.</summary>
    public static IReadOnlyList<DayOfWeek> WeekDays { get; } =
    [
        DayOfWeek.Monday,
        DayOfWeek.Tuesday,
        DayOfWeek.Wednesday,
        DayOfWeek.Thursday,
        DayOfWeek.Friday,
        DayOfWeek.Saturday,
        DayOfWeek.Sunday,
    ];

    public string Title =>
        IsWeek ? Weeks[0][0].ToString("D", CultureInfo.CurrentCulture) : Date.ToString("Y", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool InMonth(DateOnly day) => IsWeek || (day.Month == Date.Month && day.Year == Date.Year);

    public async Task OnGetAsync(string? view, string? date, CancellationToken cancellationToken)
    {
        IsWeek = string.Equals(view, "week", StringComparison.OrdinalIgnoreCase);
        Today = LocalDays.Today(clock, viewer.ZoneId);
        Date =
            DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
            && asked >= Earliest
            && asked <= Latest
                ? asked
                : Today;

        DateOnly first,
            last;
        if (IsWeek)
        {
            first = StartOfWeek(Date);
            last = first.AddDays(6);
            (Previous, Next) = (first.AddDays(-7), first.AddDays(7));
        }
        else
        {
            var month = new DateOnly(Date.Year, Date.Month, 1);
            first = StartOfWeek(month);
            last = StartOfWeek(month.AddMonths(1).AddDays(-1)).AddDays(6);
            (Previous, Next) = (month.AddMonths(-1), month.AddMonths(1));
        }

        Weeks = Enumerable
            .Range(0, (last.DayNumber - first.DayNumber + 1) / 7)
            .Select(week =>
                (IReadOnlyList<DateOnly>)Enumerable.Range(0, 7).Select(day => first.AddDays((week * 7) + day)).ToList()
            )
            .ToList();
        var entries = await mediator.Send(new GetVisitCalendar.Query(first, last), cancellationToken);
        Visits = entries.ToLookup(e => e.Day);
        VisitCount = entries.Count(e => InMonth(e.Day));

        if (await feedTokens.IssueAsync(User) is { } token)
        {
            FeedAddress = new Uri(Request.PortalRoot(), CalendarFeed.PathFor(token).TrimStart('/')).AbsoluteUri;
        }
    }

    private static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
