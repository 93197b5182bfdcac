using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Retention: declined or withdrawn inquiries whose stage changed more than
/// <see cref="Command.RetentionDays"/> days ago are anonymized. Run hourly by a background service; each run
/// takes at most <see cref="BatchSize"/> inquiries, so a first run on a large backlog stays short. Their messages,
/// audit values and closed applications go with them (<see cref="ApplicantErasure"/>).</summary>
public static class AnonymizeExpiredInquiries
{
    public const int BatchSize = 50;

    /// <param name="RetentionDays">0 or less: keep inquiries for ever.</param>
    [ForTheSystem]
    public sealed record Command(int RetentionDays) : ICommand<int>;

    public sealed class Handler(PortalDbContext db, CommandDocuments documents, TimeProvider clock)
        : ICommandHandler<Command, int>
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
                .MembershipInquiries.Include(i => i.Notes)
                .Where(i =>
                    (i.Stage == InquiryStage.Declined || i.Stage == InquiryStage.Withdrawn)
                    && i.AnonymizedAtUtc == null
                    && i.StageChangedAtUtc < cutoff
                )
                .OrderBy(i => i.StageChangedAtUtc)
                .ThenBy(i => i.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var copies = new CopiesToErase();
            foreach (var inquiry in expired)
            {
                await ApplicantErasure.AnonymizeInquiryAsync(db, documents, inquiry, copies, now, cancellationToken);
            }

            await copies.EraseAsync(db, now, cancellationToken);

            return expired.Count;
        }
    }
}
