using Microsoft.AspNetCore.Mvc.RazorPages;
using WeGO.Portal.Application.Common;

namespace WeGO.Portal.Baseline;

/// <summary>The load benchmark's baseline pages (Pages/Baseline): the same SQL as a portal page, without the mediator,
/// validation or logging behaviours, to measure what those cost (docs/performance.md). They live in this assembly,
/// which the portal never loads; <see cref="BaselineHost"/> adds them to a portal, and so do the tests that check them.
/// </summary>
public static class BaselinePages
{
    public const string Folder = "/Baseline";

    /// <summary>Adds the pages as an application part: staff who may read visits open them, as the portal pages they
    /// mirror; the public form's baseline is anonymous like the form.</summary>
    public static void AddBaselinePages(this IServiceCollection services)
    {
        services.AddRazorPages().AddApplicationPart(typeof(BaselinePages).Assembly);
        services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AuthorizeFolder(Folder, nameof(RoleGroup.ReadVisits))
        );
    }
}
