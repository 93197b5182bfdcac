using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Erases the signatory and the documents (rows and files) of declined or withdrawn applications older than
/// <c>Portal:Inquiries:RetentionDays</c> (through <see cref="EraseClosedApplications"/>), every hour.</summary>
public sealed class ApplicationRetention(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<InquirySettings> settings,
    ILogger<ApplicationRetention> logger
) : RetentionRun(scopes, clock, logger)
{
    protected override string Work => "closed applications erased";

    protected override int RetentionDays => settings.CurrentValue.RetentionDays;

    protected override int BatchSize => EraseClosedApplications.BatchSize;

    protected override ICommand<int> Batch(int days, FoundCopies? found) =>
        new EraseClosedApplications.Command(days, found);

    protected override IQuery<FoundCopies?> SearchCopies(int days) => new EraseClosedApplications.SearchCopies(days);
}
