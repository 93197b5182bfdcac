using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Web.Pages.Membership.Applications;

/// <summary>One application as the Secretariat checks it: the applicant, the documents (opened only here, only as
/// downloads), and, for staff who may change it, the forms to upload, check, accept or return it (they post to
/// <c>Change</c>). Program directors read.</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization, TimeProvider clock)
    : PageModel
{
    public GetApplication.Details Application { get; private set; } = null!;

    public ApplicationWork? Work { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetApplication.Query(id), cancellationToken) is not { } application)
        {
            return NotFound();
        }

        Application = application;
        if ((await authorization.AuthorizeAsync(User, WebSetup.Policies.EditInquiries)).Succeeded)
        {
            Work = new ApplicationWork(application, SecretariatCalendar.Today(clock));
        }

        return Page();
    }

    /// <summary>A document as a download, with the type its content proved and a policy that lets nothing in it run:
    /// the portal never shows an applicant's file inline.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, int documentId, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new OpenApplicationDocument.Query(id, documentId), cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.ContentSecurityPolicy] = DocumentPolicy;
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>
    /// Nothing in a downloaded document may load, run or be framed, even if a browser opened it in a tab.
    /// </summary>
    public const string DocumentPolicy = "sandbox; default-src 'none'";
}
