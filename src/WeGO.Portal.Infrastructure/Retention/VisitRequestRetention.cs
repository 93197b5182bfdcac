using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Application.VisitRequests;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Erases the contact of declined or accepted visit requests older than
/// <c>Portal:VisitRequests:RetentionDays</c> (through <see cref="EraseClosedVisitRequests"/>), every hour.</summary>
public sealed class VisitRequestRetention(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<VisitRequestSettings> settings,
    ILogger<VisitRequestRetention> logger
) : RetentionRun(scopes, clock, logger)
{
    protected override string Work => "visit requests' contacts erased";

    protected override int RetentionDays => settings.CurrentValue.RetentionDays;

    protected override int BatchSize => EraseClosedVisitRequests.BatchSize;

    protected override ICommand<int> Batch(int days, FoundCopies? found) =>
        new EraseClosedVisitRequests.Command(days, found);

    protected override IQuery<FoundCopies?> SearchCopies(int days) => new EraseClosedVisitRequests.SearchCopies(days);
}
