using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>The private status page at the link the inquirer received: the inquiry, and the membership application
/// that grew from it, where the applicant sends the signed form. An application received directly has a link of its
/// own and shows only itself. An unknown token gets the ordinary 404 page, so the page tells nothing about which
/// tokens exist.</summary>
public sealed class StatusModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    public GetInquiryStatus.Status? Inquiry { get; private set; }

    public GetApplicationStatus.Status? Application { get; private set; }

    [BindProperty]
    public DocumentUploadForm Upload { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        StatusLinks.KeepPrivate(Response);
        return await LoadAsync(token, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDocumentAsync(string token, CancellationToken cancellationToken)
    {
        StatusLinks.KeepPrivate(Response);
        await mediator.Send(
            new SendApplicationDocument.Command
            {
                Token = token,
                FileName = Upload.FileName,
                File = await Upload.ReadAsync(cancellationToken),
            },
            cancellationToken
        );
        this.Done("ApplicationStatus.Sent");
        return RedirectToPage(null, null, new { token }, "application");
    }

    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(RouteData.Values["token"] as string, cancellationToken))
        {
            throw new DomainException("Application.NotFound");
        }
    }

    private async Task<bool> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        Inquiry = await mediator.Send(new GetInquiryStatus.Query(token), cancellationToken);
        Application = await mediator.Send(new GetApplicationStatus.Query(token), cancellationToken);
        return Inquiry is not null || Application is not null;
    }
}
