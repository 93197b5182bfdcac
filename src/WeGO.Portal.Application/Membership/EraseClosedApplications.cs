using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Retention: declined or withdrawn applications (from an inquiry or direct) whose state changed more than
/// <see cref="Command.RetentionDays"/> days ago (<see cref="InquirySettings.RetentionDays"/>) lose their signatory's
/// name and address and their documents, rows and files, with the messages and audit values that held them
/// (<see cref="ApplicantErasure"/>); state, category, organisation and dates stay. Run hourly by a background
/// service; each run takes at most <see cref="BatchSize"/> applications.</summary>
public static class EraseClosedApplications
{
    public const int BatchSize = 50;

    /// <param name="RetentionDays">0 or less: keep applications for ever.</param>
    /// <param name="Found">The copies of the batch's values, searched for before its write turn
    /// (<see cref="SearchCopies"/>).</param>
    [ForTheSystem]
    public sealed record Command(int RetentionDays, FoundCopies? Found = null) : ICommand<int>;

    /// <summary>Searches for the copies of the next batch's values, outside the write turn; null when none is due.
    /// </summary>
    [ForTheSystem]
    public sealed record SearchCopies(int RetentionDays) : IQuery<FoundCopies?>;

    /// <summary>The next batch: applications closed without membership before <paramref name="cutoff"/> whose person
    /// is not yet erased, oldest first.</summary>
    private static IQueryable<MembershipApplication> Due(
        IQueryable<MembershipApplication> applications,
        DateTime cutoff
    ) =>
        applications
            .Where(MembershipApplication.ErasableAfterClosing)
            .Where(a => a.StateChangedAtUtc < cutoff)
            .OrderBy(a => a.StateChangedAtUtc)
            .ThenBy(a => a.Id)
            .Take(BatchSize);

    public sealed class SearchHandler(PortalDbContext db, TimeProvider clock)
        : IQueryHandler<SearchCopies, FoundCopies?>
    {
        public ValueTask<FoundCopies?> Handle(SearchCopies query, CancellationToken cancellationToken) =>
            FoundCopies.OfNextBatchAsync(
                db,
                clock,
                query.RetentionDays,
                cutoff => Due(db.MembershipApplications.AsNoTracking(), cutoff),
                ApplicantErasure.HeldValues,
                cancellationToken
            );
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
            var expired = await Due(db.MembershipApplications.Include(a => a.Documents), cutoff)
                .ToListAsync(cancellationToken);
            var copies = new CopiesToErase();
            foreach (var application in expired)
            {
                ApplicantErasure.EraseApplication(documents, application, copies);
            }

            await copies.EraseAsync(db, now, cancellationToken, command.Found);

            return expired.Count;
        }
    }
}
