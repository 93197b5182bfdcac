using Mediator;
using WeGO.Portal.Application;
using WeGO.Portal.Application.Common.Behaviors;
using WeGO.Portal.Infrastructure;
using WeGO.Portal.Web;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("--seed-demo"))
{
    builder.Configuration["Portal:SeedDemo"] = "true";
}

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

var app = builder.Build();
await PortalStartup.InitializeAsync(app.Services, app.Environment, app.Configuration, Console.Out);
app.UsePortalPipeline();
await app.RunAsync();

/// <summary>The entry point, public so integration tests can host the portal.</summary>
public partial class Program;
