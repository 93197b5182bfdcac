using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Web.Pipeline;

namespace WeGO.Portal.Web.Pages.Membership;

/// <summary>WeGO's public member directory at /members: the active members by region and category, with a chart of
/// where they are, and a search. Only the directory's public fields reach this page.</summary>
[OutputCache(PolicyName = PublicPages.Directory)]
public sealed class DirectoryModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public Region? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public MembershipCategory? Category { get; set; }

    /// <summary>The page of the directory, from 1 (<c>p</c>: Razor Pages keeps <c>page</c> for the page's path).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListMemberDirectory.Result Directory { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Directory = await mediator.Send(
            new ListMemberDirectory.Query(Text, Region, Category, PageNumber),
            cancellationToken
        );

    /// <summary>The address of another page of the same search.</summary>
    public Dictionary<string, string> RouteFor(int page) =>
        LinkValues.Of(("q", Text), (nameof(Region), Region), (nameof(Category), Category), ("p", page));
}
