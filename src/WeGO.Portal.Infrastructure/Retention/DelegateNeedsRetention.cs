using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Deletes the delegates' dietary and accessibility needs of visits that ended more than
/// <c>Portal:Delegations:NeedsRetentionDays</c> ago (through <see cref="ForgetDelegateNeeds"/>), every hour.</summary>
public sealed class DelegateNeedsRetention(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<DelegationSettings> settings,
    ILogger<DelegateNeedsRetention> logger
) : RetentionRun(scopes, clock, logger)
{
    protected override string Work => "visits' delegate needs deleted";

    protected override int RetentionDays => settings.CurrentValue.NeedsRetentionDays;

    protected override int BatchSize => ForgetDelegateNeeds.BatchSize;

    protected override ICommand<int> Batch(int days, FoundCopies? found) => new ForgetDelegateNeeds.Command(days);
}
