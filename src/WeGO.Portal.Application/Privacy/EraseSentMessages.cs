using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Privacy;

/// <summary>Retention: messages sent more than <see cref="Command.RetentionDays"/> days ago
/// (<see cref="MailSettings.SentRetentionDays"/>) lose their recipient, body and attachment; their kind, subject,
/// language and dates stay for the record. Run hourly by a background service; each run takes at most
/// <see cref="BatchSize"/> messages.</summary>
public static class EraseSentMessages
{
    public const int BatchSize = 500;

    /// <param name="RetentionDays">0 or less: keep sent messages whole for ever.</param>
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
            var expired = await db
                .OutboxMessages.Where(m => m.SentAtUtc != null && m.SentAtUtc < cutoff && m.ErasedAtUtc == null)
                .OrderBy(m => m.SentAtUtc)
                .ThenBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var message in expired)
            {
                message.Erase(now);
            }

            return expired.Count;
        }
    }
}
