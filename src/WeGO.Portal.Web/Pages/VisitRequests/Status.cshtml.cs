using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.VisitRequests;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.VisitRequests;

/// <summary>The private status page of a visit request, at the link its contact received: where the request stands,
/// and when the Secretariat proposed other dates, the proposal with its two answers (take the dates, or write back).
/// An unknown token gets the ordinary 404 page.</summary>
public sealed class StatusModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    public GetVisitRequestStatus.Status? Sent { get; private set; }

    [BindProperty]
    public AnswerProposedDates.Command Reply { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        StatusLinks.KeepPrivate(Response);
        Sent = await mediator.Send(new GetVisitRequestStatus.Query(token), cancellationToken);
        return Sent is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAcceptDatesAsync(string token, CancellationToken cancellationToken)
    {
        StatusLinks.KeepPrivate(Response);
        await mediator.Send(new AcceptProposedDates.Command(token), cancellationToken);
        this.Done("VisitRequestStatus.DatesAccepted");
        return RedirectToPage(null, null, new { token }, null);
    }

    public async Task<IActionResult> OnPostAnswerAsync(string token, CancellationToken cancellationToken)
    {
        StatusLinks.KeepPrivate(Response);
        await mediator.Send(Reply with { Token = token }, cancellationToken);
        this.Done("VisitRequestStatus.AnswerSent");
        return RedirectToPage(null, null, new { token }, null);
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken) =>
        Sent = await mediator.Send(
            new GetVisitRequestStatus.Query(RouteData.Values["token"] as string),
            cancellationToken
        ) ?? throw new DomainException("VisitRequest.NotFound");
}
