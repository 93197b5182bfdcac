using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.News;
using WeGO.Portal.Application.Visits;
using WeGO.Portal.Infrastructure.Database;
using WeGO.Portal.Infrastructure.Documents;
using WeGO.Portal.Infrastructure.Identity;
using WeGO.Portal.Infrastructure.Mail;
using WeGO.Portal.Infrastructure.Retention;

namespace WeGO.Portal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentActor, SystemActor>();
        services.AddSingleton(provider =>
            PortalDataDirectory.From(
                provider.GetRequiredService<IConfiguration>(),
                provider.GetRequiredService<IHostEnvironment>()
            )
        );
        services.AddPortalDatabase();
        services.AddScoped<CommandDocuments>();
        services.AddScoped<AfterCommit>();
        services.AddSingleton<ISentMailCopies>(provider => new SentMailFiles(
            provider.GetRequiredService<PortalDataDirectory>().Combine("mail")
        ));
        services.AddScoped<IDatabaseFiles, DatabaseFiles>();
        services.AddSingleton<IDocumentStore>(provider =>
        {
            var configured = provider.GetRequiredService<IConfiguration>()["Portal:Documents:Directory"];
            return new FolderDocumentStore(
                string.IsNullOrWhiteSpace(configured)
                    ? provider.GetRequiredService<PortalDataDirectory>().Combine("documents")
                    : Path.GetFullPath(configured, provider.GetRequiredService<IHostEnvironment>().ContentRootPath)
            );
        });
        services.AddOptions<MailSettings>().BindConfiguration(MailSettings.Section);
        services
            .AddOptions<MailDeliverySettings>()
            .BindConfiguration(MailSettings.Section)
            .Validate(
                MailDeliverySettings.IsValid,
                "Portal:Mail: PollSeconds, BatchSize (1-1000), LeaseSeconds (10 or more), "
                    + "Smtp:Port or Smtp:TimeoutSeconds out of range"
            )
            .ValidateOnStart();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddOptions<InquirySettings>().BindConfiguration(InquirySettings.Section);
        services.AddOptions<DelegationSettings>().BindConfiguration(DelegationSettings.Section);
        services
            .AddOptions<Application.Reports.ReportSettings>()
            .BindConfiguration(Application.Reports.ReportSettings.Section);
        services
            .AddOptions<Application.VisitRequests.VisitRequestSettings>()
            .BindConfiguration(Application.VisitRequests.VisitRequestSettings.Section);
        services.AddOptions<LogSettings>().BindConfiguration(LogSettings.Section);
        services
            .AddOptions<Application.Staff.SessionSettings>()
            .BindConfiguration(Application.Staff.SessionSettings.Section)
            .Validate(
                s => s.RecheckSeconds is >= 0 and <= 300,
                "Portal:Sessions:RecheckSeconds must be between 0 and 300"
            )
            .ValidateOnStart();
        services.AddSingleton<RetentionTurn>();
        services.AddHostedService<InquiryRetention>();
        services.AddHostedService<DelegateNeedsRetention>();
        services.AddHostedService<ApplicationRetention>();
        services.AddHostedService<VisitRequestRetention>();
        services.AddHostedService<DelegationContactRetention>();
        services.AddHostedService<SentMailRetention>();
        services.AddHostedService<DataFolderRetention>();
        services.AddOptions<NewsSettings>().BindConfiguration(NewsSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NewsSettings>, NewsSettings.Whole>();
        services
            .AddOptions<Application.Staff.SecretariatSettings>()
            .BindConfiguration(Application.Staff.SecretariatSettings.Section)
            .Validate(
                Application.Staff.SecretariatSettings.IsValid,
                "Portal:Secretariat:TimeZone must be an IANA time-zone id, such as Asia/Seoul"
            )
            .ValidateOnStart();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AdministratorBootstrap>();
        return services;
    }
}
