using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Membership;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Every hour, anonymizes declined or withdrawn inquiries older than <c>Portal:Inquiries:RetentionDays</c>
/// (through <see cref="AnonymizeExpiredInquiries"/>, so the work is one audited unit of work per batch).
/// The first run waits a few minutes after start-up, out of the way of migrations and the first requests.</summary>
public sealed class InquiryRetention(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptionsMonitor<InquirySettings> settings,
    ILogger<InquiryRetention> logger
) : BackgroundService
{
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunAfter, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                await RunOnceAsync(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Anonymizes every expired inquiry, batch after batch.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var days = settings.CurrentValue.RetentionDays;
        if (days <= 0)
        {
            return 0;
        }

        var total = 0;
        try
        {
            int count;
            do
            {
                await using var scope = SystemWork.CreateSystemScope(scopes);
                count = await scope
                    .ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new AnonymizeExpiredInquiries.Command(days), cancellationToken);
                total += count;
            } while (count == AnonymizeExpiredInquiries.BatchSize && !cancellationToken.IsCancellationRequested);
        }
#pragma warning disable CA1031 // A failed run (database briefly away) must not stop the service; the next hour retries.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Inquiry retention run failed after anonymizing {Count} inquiries", total);
            return total;
        }

        if (total > 0)
        {
            logger.LogInformation(
                "Inquiry retention anonymized {Count} inquiries closed more than {Days} days ago",
                total,
                days
            );
        }

        return total;
    }
}
