using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WeGO.Portal.Application.News;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.News;

/// <summary>The public news list: published releases, newest first, in the reader's language where it exists.</summary>
[OutputCache(PolicyName = PublicPages.News)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListPublishedNews.Result News { get; private set; } = new([], 0, 1);

    public string ReaderLanguage { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task OnGetAsync(int page = 1, CancellationToken cancellationToken = default) =>
        News = await mediator.Send(new ListPublishedNews.Query(ReaderLanguage, page), cancellationToken);
}
