using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Application.Visits;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Erases the delegation contact and the delegates' addresses of visits that ended more than
/// <c>Portal:Delegations:ContactRetentionDays</c> ago (through <see cref="ForgetDelegationContacts"/>), every
/// hour.</summary>
public sealed class DelegationContactRetention(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<DelegationSettings> settings,
    ILogger<DelegationContactRetention> logger
) : RetentionRun(scopes, clock, logger)
{
    protected override string Work => "visits' delegation contacts erased";

    protected override int RetentionDays => settings.CurrentValue.ContactRetentionDays;

    protected override int BatchSize => ForgetDelegationContacts.BatchSize;

    protected override ICommand<int> Batch(int days, FoundCopies? found) =>
        new ForgetDelegationContacts.Command(days, found);

    protected override IQuery<FoundCopies?> SearchCopies(int days) => new ForgetDelegationContacts.SearchCopies(days);
}
