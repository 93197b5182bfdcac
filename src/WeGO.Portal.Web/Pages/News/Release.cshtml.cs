using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WeGO.Portal.Application.News;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.News;

/// <summary>A published release at its stable public address, in the reader's language (or the one asked for
/// with <c>?lang=</c>) where that version exists, with links to its other languages.</summary>
[OutputCache(PolicyName = PublicPages.Release)]
public sealed class ReleaseModel(IMediator mediator) : PageModel
{
    public ReadNewsRelease.Release Release { get; private set; } = null!;

    /// <summary>The language the reader wanted: asked for in the address, else the portal's language for
    /// them.</summary>
    public string WantedLanguage { get; private set; } = "en";

    public async Task<IActionResult> OnGetAsync(string slug, string? lang, CancellationToken cancellationToken)
    {
        WantedLanguage =
            lang is not null && ReleaseText.Languages.Contains(lang)
                ? lang
                : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (await mediator.Send(new ReadNewsRelease.Query(slug, WantedLanguage), cancellationToken) is not { } release)
        {
            return NotFound();
        }

        Release = release;
        return Page();
    }
}
