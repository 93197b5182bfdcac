using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Erases the recipient, body and attachment of messages sent more than
/// <c>Portal:Mail:SentRetentionDays</c> ago (through <see cref="EraseSentMessages"/>), every hour.</summary>
public sealed class SentMailRetention(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<MailSettings> settings,
    ILogger<SentMailRetention> logger
) : RetentionRun(scopes, clock, logger)
{
    protected override string Work => "sent messages erased";

    protected override int RetentionDays => settings.CurrentValue.SentRetentionDays;

    protected override int BatchSize => EraseSentMessages.BatchSize;

    protected override ICommand<int> Batch(int days, FoundCopies? found) => new EraseSentMessages.Command(days);
}
