using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Inquiries;

/// <summary>The membership pipeline: every inquiry, the stages with their counts, filters, paging and CSV
/// export.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListInquiries.Filter Filter { get; set; } = new();

    /// <summary>The short form the Secretariat's notification email links to:
    /// <c>/Inquiries?q=WGO-2024-0042</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    /// <summary>"p", not "page": Razor Pages keeps the page's own path in the route value "page", which would win over
    /// the query string and make every link to another page of rows point nowhere.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListInquiries.Result Inquiries { get; private set; } =
        new([], 0, 1, 25, new Dictionary<InquiryStage, int>());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ApplyShortSearch();
        Inquiries = await mediator.Send(new ListInquiries.Query(Filter, PageNumber), cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        ApplyShortSearch();
        var csv = await mediator.Send(new ExportInquiries.Query(Filter), cancellationToken);
        return File(csv, "text/csv; charset=utf-8", $"wego-inquiries-{clock.GetUtcNow():yyyyMMdd}.csv");
    }

    private void ApplyShortSearch()
    {
        if (!string.IsNullOrWhiteSpace(Q) && string.IsNullOrWhiteSpace(Filter.Text))
        {
            Filter = Filter with { Text = Q };
        }
    }

    /// <summary>The current filters as route values, for paging, stage and export links.</summary>
    public Dictionary<string, string> RouteFor(int? page = null, InquiryStage? stage = null, bool anyStage = false) =>
        LinkValues.Of(
            ("Filter.Stage", anyStage ? null : stage ?? Filter.Stage),
            ("Filter.Region", Filter.Region),
            ("Filter.Kind", Filter.Kind),
            ("Filter.From", Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Filter.To", Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Filter.Text", Filter.Text),
            ("Filter.Sort", Filter.Sort),
            ("p", page)
        );
}
