using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Membership.Applications;

/// <summary>Upload, check, accept, return or withdraw an application. The forms sit on the application's page; after a
/// refusal they are shown here with the message, the application as it now is, and what the user typed.</summary>
[Authorize(Policy = WebSetup.Policies.EditInquiries)]
public sealed class ChangeModel(IMediator mediator, TimeProvider clock) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public CheckApplication.Command Checklist { get; set; } = new();

    [BindProperty]
    public AcceptApplication.Command Accept { get; set; } = new();

    [BindProperty]
    public ReturnApplication.Command Return { get; set; } = new();

    [BindProperty]
    public DocumentUploadForm Upload { get; set; } = new();

    public ApplicationWork Work { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(
            new AddApplicationDocument.Command
            {
                ApplicationId = id,
                Version = Upload.Version,
                FileName = Upload.FileName,
                File = await Upload.ReadAsync(cancellationToken),
            },
            cancellationToken
        );
        this.Done("Applications.Flash.Uploaded");
        return RedirectToPage("Details", null, new { id }, "documents");
    }

    public async Task<IActionResult> OnPostChecklistAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Checklist with { ApplicationId = id }, cancellationToken);
        this.Done("Applications.Flash.Checked");
        return RedirectToPage("Details", null, new { id }, "decision");
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Accept with { ApplicationId = id }, cancellationToken);
        this.Done("Applications.Flash.Accepted");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Return with { ApplicationId = id }, cancellationToken);
        this.Done("Applications.Flash.Returned");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(
        int id,
        [FromForm(Name = "Withdraw.Version")] int version,
        CancellationToken cancellationToken
    )
    {
        await mediator.Send(new WithdrawApplication.Command(id, version), cancellationToken);
        this.Done("Applications.Flash.Withdrawn");
        return RedirectToPage("Details", new { id });
    }

    /// <summary>After a refusal the forms show the application as it now is, with what the user typed; the next
    /// attempt is made against that version.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(this.RouteId(), cancellationToken))
        {
            throw new DomainException("Application.NotFound");
        }

        foreach (var key in new[] { "Checklist.Version", "Accept.Version", "Return.Version", "Upload.Version" })
        {
            ModelState.Remove(key);
        }

        Work = Work with { Checking = Checklist, Accepting = Accept, Returning = Return };
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetApplication.Query(id), cancellationToken) is not { } application)
        {
            return false;
        }

        Work = new ApplicationWork(application, SecretariatCalendar.Today(clock));
        return true;
    }
}
