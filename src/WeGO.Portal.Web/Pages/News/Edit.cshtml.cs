using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.News;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Web.Forms;

namespace WeGO.Portal.Web.Pages.News;

/// <summary>Edits one language version of a release and publishes it.</summary>
[Authorize(Policy = WebSetup.Policies.EditVisits)]
public sealed class EditModel(IMediator mediator) : PageModel, IRedisplayAfterRejection
{
    [BindProperty]
    public EditNewsRelease.Command Input { get; set; } = new();

    /// <summary>The release as it is saved now.</summary>
    public GetNewsRelease.Details Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetNewsRelease.Query(id), cancellationToken) is not { } release)
        {
            return NotFound();
        }

        Current = release;
        Input = FromSaved(release);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(Input with { ReleaseId = id }, cancellationToken);
        this.Done("Flash.ReleaseSaved");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int version, CancellationToken cancellationToken)
    {
        await mediator.Send(new PublishNewsRelease.Command(id, version), cancellationToken);
        this.Done("Flash.ReleasePublished");
        return RedirectToPage(new { id });
    }

    /// <summary>Shows the form again with the user's text kept; after a colleague's save what they saved is shown
    /// beside each field that differs and their version becomes the base, so saving again is a deliberate
    /// overwrite.</summary>
    public async Task LoadForRedisplayAsync(CancellationToken cancellationToken)
    {
        var id = this.RouteId();
        Current = await mediator.Send(new GetNewsRelease.Query(id), cancellationToken)
            ?? throw new DomainException("Release.NotFound");
        var meanwhile = SavedMeanwhile
            .Compare(this, nameof(Input), Input.Version, Current.Version, FromSaved(Current), Input)
            .Field(c => c.Headline, "News.Headline")
            .Field(c => c.Dateline, "News.Dateline")
            .Field(c => c.Body, "News.Body");
        if (meanwhile.Happened)
        {
            Input = Input with { Version = Current.Version };
        }
    }

    private static EditNewsRelease.Command FromSaved(GetNewsRelease.Details release) =>
        new()
        {
            ReleaseId = release.Id,
            Version = release.Version,
            Headline = release.Headline,
            Dateline = release.Dateline,
            Body = release.Body,
        };
}
