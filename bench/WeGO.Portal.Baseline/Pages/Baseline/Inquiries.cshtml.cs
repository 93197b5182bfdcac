using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Common.Caching;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Baseline.Pages.Baseline;

/// <summary>Baseline for GET /Inquiries: ListInquiries' handler called directly (the same SQL by construction: the
/// counts by stage, then one page newest first), without the mediator and its behaviours. See
/// BaselinePages.cs.</summary>
public sealed class InquiriesModel(PortalDbContext db, ICurrentActor viewer, ReadCache cache) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListInquiries.Result Inquiries { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Inquiries = await new ListInquiries.Handler(db, viewer, cache).Handle(
            new ListInquiries.Query(new ListInquiries.Filter(), PageNumber),
            cancellationToken
        );
}
