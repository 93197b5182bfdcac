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
    /// <param name="Found">The copies of the batch's values, searched for before its write turn
    /// (<see cref="SearchCopies"/>).</param>
    [ForTheSystem]
    public sealed record Command(int RetentionDays, FoundCopies? Found = null) : ICommand<int>;

    /// <summary>Searches for the copies of the next batch's values (its inquiries' and the applications erased with
    /// them), outside the write turn; null when none is due.</summary>
    [ForTheSystem]
    public sealed record SearchCopies(int RetentionDays) : IQuery<FoundCopies?>;

    /// <summary>The next batch: declined or withdrawn inquiries, not yet anonymized, closed before
    /// <paramref name="cutoff"/>, oldest first.</summary>
    private static IQueryable<MembershipInquiry> Due(IQueryable<MembershipInquiry> inquiries, DateTime cutoff) =>
        inquiries
            .Where(i =>
                (i.Stage == InquiryStage.Declined || i.Stage == InquiryStage.Withdrawn)
                && i.AnonymizedAtUtc == null
                && i.StageChangedAtUtc < cutoff
            )
            .OrderBy(i => i.StageChangedAtUtc)
            .ThenBy(i => i.Id)
            .Take(BatchSize);

    public sealed class SearchHandler(PortalDbContext db, TimeProvider clock)
        : IQueryHandler<SearchCopies, FoundCopies?>
    {
        public async ValueTask<FoundCopies?> Handle(SearchCopies query, CancellationToken cancellationToken)
        {
            if (query.RetentionDays <= 0 || !FoundCopies.CanSearchAhead(db))
            {
                return null;
            }

            var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-query.RetentionDays);
            var due = await Due(db.MembershipInquiries.AsNoTracking(), cutoff).ToListAsync(cancellationToken);
            var applications = await ApplicantErasure
                .ErasableWith(db.MembershipApplications.AsNoTracking(), [.. due.Select(i => i.Id)])
                .ToListAsync(cancellationToken);
            return await FoundCopies.SearchAsync(
                db,
                [
                    .. due.SelectMany(ApplicantErasure.HeldValues),
                    .. applications.SelectMany(ApplicantErasure.HeldValues),
                ],
                cancellationToken
            );
        }
    }

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
            var expired = await Due(db.MembershipInquiries.Include(i => i.Notes), cutoff)
                .ToListAsync(cancellationToken);
            var copies = new CopiesToErase();
            foreach (var inquiry in expired)
            {
                await ApplicantErasure.AnonymizeInquiryAsync(db, documents, inquiry, copies, now, cancellationToken);
            }

            await copies.EraseAsync(db, now, cancellationToken, command.Found);

            return expired.Count;
        }
    }
}
