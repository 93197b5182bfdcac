using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Infrastructure.Retention;

/// <summary>Every hour, sends a retention use case as the system, batch after batch until a batch comes back short,
/// so each batch is one audited unit of work, taken in <see cref="RetentionTurn"/> (one batch at a time in the
/// process, each followed by a pause as long as itself). A batch that erases copies has them searched for first,
/// outside its write turn (<see cref="FoundCopies"/>). The first run waits a few minutes after start-up, out of the
/// way of migrations and the first requests.</summary>
public abstract class RetentionRun(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>What is deleted, for the log ("inquiries anonymized").</summary>
    protected abstract string Work { get; }

    /// <summary>The configured number of days; 0 or less keeps everything.</summary>
    protected abstract int RetentionDays { get; }

    protected abstract int BatchSize { get; }

    /// <summary>The next batch, given the copies of its values <paramref name="found"/> before its write turn (null
    /// when not searched: work that leaves no copies, or a server database).</summary>
    protected abstract ICommand<int> Batch(int days, FoundCopies? found);

    /// <summary>For work that erases the copies of what it erases (<see cref="PersonalDataCopies"/>): the search for
    /// the next batch's copies, sent before the batch takes its write turn.</summary>
    protected virtual IQuery<FoundCopies?>? SearchCopies(int days) => null;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        EveryHourAsync(clock, RunOnceAsync, stoppingToken);

    /// <summary>The rhythm of every retention run: <see cref="FirstRunAfter"/> after start-up, then every
    /// <see cref="Interval"/>, until the host stops.</summary>
    public static async Task EveryHourAsync(
        TimeProvider clock,
        Func<CancellationToken, Task> run,
        CancellationToken stoppingToken
    )
    {
        try
        {
            await Task.Delay(FirstRunAfter, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                await run(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One run: every batch due now; the number of records changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var days = RetentionDays;
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
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                count = await scope
                    .ServiceProvider.GetRequiredService<RetentionTurn>()
                    .TakeAsync(
                        async ct =>
                        {
                            var found = SearchCopies(days) is { } search ? await mediator.Send(search, ct) : null;
                            return await mediator.Send(Batch(days, found), ct);
                        },
                        cancellationToken
                    );
                total += count;
            } while (count == BatchSize && !cancellationToken.IsCancellationRequested);
        }
#pragma warning disable CA1031 // A failed run (database briefly away) must not stop the service; the next hour retries.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Retention run failed after {Count} {Work}", total, Work);
            return total;
        }

        if (total > 0)
        {
            logger.LogInformation("Retention: {Count} {Work} (older than {Days} days)", total, Work, days);
        }

        return total;
    }
}
