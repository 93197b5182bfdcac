using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace WeGO.Portal.Web.Http;

/// <summary>The load benchmark's baseline pages (Pages/Baseline): the same SQL as a portal page, without the mediator,
/// validation or logging behaviours, to measure what those cost. They get a route only when
/// <c>Portal:Benchmarks:Baseline=true</c>; otherwise they do not exist (404), so production never serves
/// them.</summary>
public static class BaselinePages
{
    public const string Setting = "Portal:Benchmarks:Baseline";

    public const string Folder = "/Baseline";

    public static void RouteOnlyWhenEnabled(this PageConventionCollection conventions, IConfiguration configuration) =>
        // Read when the routes are built (first request), after every configuration source has been added.
        conventions.AddFolderRouteModelConvention(Folder, model =>
        {
            if (!configuration.GetValue<bool>(Setting))
            {
                model.Selectors.Clear();
            }
        });
}
