using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Anonymizes declined or withdrawn inquiries older than <c>Portal:Inquiries:RetentionDays</c> (through
/// <see cref="AnonymizeExpiredInquiries"/>), every hour.</summary>
public sealed class InquiryRetention(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<InquirySettings> settings,
    ILogger<InquiryRetention> logger
) : RetentionRun(scopes, clock, logger)
{
    protected override string Work => "inquiries anonymized";

    protected override int RetentionDays => settings.CurrentValue.RetentionDays;

    protected override int BatchSize => AnonymizeExpiredInquiries.BatchSize;

    protected override ICommand<int> Batch(int days, FoundCopies? found) =>
        new AnonymizeExpiredInquiries.Command(days, found);

    protected override IQuery<FoundCopies?> SearchCopies(int days) => new AnonymizeExpiredInquiries.SearchCopies(days);
}
