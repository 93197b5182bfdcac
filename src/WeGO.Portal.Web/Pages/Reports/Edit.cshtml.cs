using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application;
using WeGO.Portal.Application.FollowUps;
using WeGO.Portal.Application.Reports;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.Reports;

/// <summary>Staff write a report: Save (works without script), autosave from wwwroot/js/report-editor.js, and
/// Submit, which saves and sends the report for review.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class EditModel(
    IMediator mediator,
    ViewerTime viewer,
    IStringLocalizer<UiText> text,
    IStringLocalizer<Messages> messages
) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public WriteVisitReport.Command Input { get; set; } = new();

    public GetVisitReport.Details Report { get; private set; } = null!;

    public IReadOnlyList<ListStaffForChoice.Choice> Staff { get; private set; } = [];

    /// <summary>A blank follow-up for the small form under the report (posted to /Reports/FollowUp).</summary>
    public AddFollowUp.Command NewFollowUp { get; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Report.CanEdit)
        {
            return RedirectToPage("Details", new { id });
        }

        Input = FromSaved(Report);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { ReportId = id }, cancellationToken);
        this.Done("Flash.ReportSaved");
        return RedirectToPage("Edit", new { id });
    }

    /// <summary>Saves what is in the form, then submits it: the text is kept even when the submission is
    /// refused.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        var saved = await mediator.Send(Input with { ReportId = id }, cancellationToken);
        Input = Input with { Version = saved.Version };
        await mediator.Send(new SubmitVisitReport.Command(id, saved.Version), cancellationToken);
        this.Done("Flash.ReportSubmitted");
        return RedirectToPage("Details", new { id });
    }

    /// <summary>The editor's autosave: JSON with the new version and the time saved, 409 when someone saved
    /// meanwhile (the script then keeps the text and says so), 400 with the reason when the save is refused.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await mediator.Send(Input with { ReportId = id }, cancellationToken);
            return new JsonResult(new { version = saved.Version, savedAt = viewer.Clock(saved.UpdatedAtUtc) });
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictObjectResult(new { message = text["Reports.AutosaveConflict"].Value });
        }
        catch (ValidationException refused)
        {
            return new BadRequestObjectResult(new { message = refused.Errors.First().ErrorMessage });
        }
        catch (DomainException refused)
        {
            return new BadRequestObjectResult(new { message = messages[refused.Code, [.. refused.Arguments]].Value });
        }
    }

    /// <summary>After a refused save the page shows the user's text again; when someone else saved the report
    /// meanwhile, what they saved is shown beside each field that differs and the form is based on their version,
    /// so saving again is a deliberate overwrite (and autosave stays off until then).</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        if (!await LoadAsync(id, cancellationToken))
        {
            return;
        }

        var meanwhile = SavedMeanwhile
            .Compare(this, nameof(Input), Input.Version, Report.Version, FromSaved(Report), Input)
            .Field(c => c.Summary, "Reports.Summary")
            .Field(c => c.Participants, "Reports.Participants")
            .Field(c => c.DelegationPresentation, "Reports.DelegationPresentation")
            .Field(c => c.SecretariatPresentation, "Reports.SecretariatPresentation")
            .Field(c => c.TopicsRaised, "Reports.TopicsRaised")
            .Field(c => c.Outcomes, "Reports.Outcomes")
            .Field(c => c.AttachmentLinks, "Reports.Attachments");
        if (meanwhile.Happened)
        {
            Input = Input with { ReportId = id, Version = Report.Version };
        }
    }

    private static WriteVisitReport.Command FromSaved(GetVisitReport.Details report) =>
        new()
        {
            ReportId = report.Id,
            Version = report.Version,
            Summary = report.Content.Summary,
            Participants = report.Content.Participants,
            DelegationPresentation = report.Content.DelegationPresentation,
            SecretariatPresentation = report.Content.SecretariatPresentation,
            TopicsRaised = report.Content.TopicsRaised,
            Outcomes = report.Content.Outcomes,
            AttachmentLinks = report.Content.AttachmentLinks,
        };

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetVisitReport.Query(id), cancellationToken) is not { } report)
        {
            return false;
        }

        Report = report;
        Staff = await mediator.Send(new ListStaffForChoice.Query(), cancellationToken);
        return true;
    }
}
