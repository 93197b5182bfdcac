using Mediator;
using WeGO.Portal.Application;
using WeGO.Portal.Application.Common.Behaviors;
using WeGO.Portal.Infrastructure;

namespace WeGO.Portal.Web;

/// <summary>The portal on a web application builder, in the order it needs: logging, the use cases and their mediator
/// pipeline, the database and mail, then the web side. <see cref="Program"/> runs exactly this; a host that adds pages
/// of its own (an application part) runs the same two steps around them.</summary>
public static class PortalHost
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        builder.AddPortalLogging();
        builder.Services.AddPortalApplication();
        builder.Services.AddPortalInfrastructure();
        builder.Services.AddMediator(
            (MediatorOptions options) =>
            {
                options.ServiceLifetime = ServiceLifetime.Scoped;
                options.PipelineBehaviors =
                [
                    typeof(LoggingBehavior<,>),
                    typeof(AuthorizationBehavior<,>),
                    typeof(ValidationBehavior<,>),
                    typeof(UnitOfWorkBehavior<,>),
                ];
            }
        );
        builder.AddPortalWeb();
    }

    /// <summary>Builds the application, creates or migrates the database (and the first administrator, the demo data
    /// when asked), and puts the request pipeline in place: ready to run.</summary>
    public static async Task<WebApplication> BuildPortalAsync(this WebApplicationBuilder builder)
    {
        var app = builder.Build();
        await PortalStartup.InitializeAsync(app.Services, app.Environment, app.Configuration, Console.Out);
        app.UsePortalPipeline();
        return app;
    }
}
