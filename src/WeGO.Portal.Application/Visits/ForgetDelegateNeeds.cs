using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>Retention: the delegates' dietary and accessibility needs are deleted from visits that ended more than
/// <see cref="Command.RetentionDays"/> days ago (<see cref="DelegationSettings.NeedsRetentionDays"/>); the roster
/// itself (names, titles, order, arrivals) stays. Run hourly by a background service; each run takes at most
/// <see cref="BatchSize"/> visits.</summary>
public static class ForgetDelegateNeeds
{
    public const int BatchSize = 200;

    /// <param name="RetentionDays">0 or less: keep the needs for ever.</param>
    [ForTheSystem]
    public sealed record Command(int RetentionDays) : ICommand<int>;

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.RetentionDays <= 0)
            {
                return 0;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var cutoff = now.AddDays(-command.RetentionDays);
            var ended = await db
                .Visits.Include(v => v.Delegation)
                    .ThenInclude(d => d.Members)
                .Where(v => v.EndsAtUtc < cutoff && v.Delegation.NeedsErasedAtUtc == null)
                .OrderBy(v => v.EndsAtUtc)
                .ThenBy(v => v.Id)
                .Take(BatchSize)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            foreach (var visit in ended)
            {
                visit.ForgetDelegateNeeds(now);
            }

            return ended.Count;
        }
    }
}
