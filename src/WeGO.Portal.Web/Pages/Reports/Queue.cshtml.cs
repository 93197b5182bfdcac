using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Reports;

namespace WeGO.Portal.Web.Pages.Reports;

/// <summary>The directors' review queue: submitted reports, the one waiting longest first, with how long it has
/// waited.</summary>
[Authorize(Policy = WebSetup.Policies.ReviewReports)]
public sealed class QueueModel(IMediator mediator, TimeProvider clock, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<ListReportsAwaitingReview.QueueRow> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = await mediator.Send(new ListReportsAwaitingReview.Query(), cancellationToken);

    /// <summary>"today", "1 day", "3 days": whole days since the report was submitted.</summary>
    public string Age(DateTime submittedAtUtc)
    {
        var days = (int)Math.Max(0, (clock.GetUtcNow().UtcDateTime - submittedAtUtc).TotalDays);
        return days switch
        {
            0 => text["Reports.AgeToday"],
            _ => text.Count("Reports.AgeDays", days),
        };
    }
}
