using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Retention: visits that ended more than <see cref="Command.RetentionDays"/> days ago
/// (<see cref="DelegationSettings.ContactRetentionDays"/>) and still hold a delegation contact, a delegation page link
/// or a delegate's address lose them (<see cref="Visit.ForgetDelegationContact"/>), and the contacts on the day with
/// the programme's text as sent (<see cref="Visit.ForgetDayContacts"/>), with the messages to those addresses or
/// naming the contact and the audit values that held them; the roster's names, titles and order stay. Run hourly by a
/// background service; each run takes at most <see cref="BatchSize"/> visits.</summary>
public static class ForgetDelegationContacts
{
    public const int BatchSize = 50;

    /// <param name="RetentionDays">0 or less: keep the contacts for ever.</param>
    /// <param name="Found">The copies of the batch's values, searched for before its write turn
    /// (<see cref="SearchCopies"/>).</param>
    [ForTheSystem]
    public sealed record Command(int RetentionDays, FoundCopies? Found = null) : ICommand<int>;

    /// <summary>Searches for the copies of the next batch's values, outside the write turn; null when none is due.
    /// </summary>
    [ForTheSystem]
    public sealed record SearchCopies(int RetentionDays) : IQuery<FoundCopies?>;

    /// <summary>The next batch: visits over long enough that still hold something to forget, oldest first.</summary>
    private static IQueryable<Visit> Due(IQueryable<Visit> visits, DateTime cutoff) =>
        visits
            .Include(v => v.Delegation)
                .ThenInclude(d => d.Members)
            .Where(v =>
                v.EndsAtUtc < cutoff
                && (
                    v.Delegation.ContactEmail != null
                    || v.Delegation.ContactName != null
                    || v.Delegation.LinkTokenHash != null
                    || v.Delegation.Members.Any(m => m.Email != null)
                    || v.DayContacts != null
                    || v.Delegation.ProgrammeSent != null
                )
            )
            .OrderBy(v => v.EndsAtUtc)
            .ThenBy(v => v.Id)
            .Take(BatchSize)
            .AsSplitQuery();

    /// <summary>What a visit's copies may hold. The delegates' names stay on the roster, so they are not looked for.
    /// </summary>
    private static string?[] HeldValues(Visit visit) =>
        [visit.Delegation.ContactEmail, visit.Delegation.ContactName, .. visit.Delegation.Members.Select(m => m.Email)];

    public sealed class SearchHandler(PortalDbContext db, TimeProvider clock)
        : IQueryHandler<SearchCopies, FoundCopies?>
    {
        public ValueTask<FoundCopies?> Handle(SearchCopies query, CancellationToken cancellationToken) =>
            FoundCopies.OfNextBatchAsync(
                db,
                clock,
                query.RetentionDays,
                cutoff => Due(db.Visits.AsNoTracking(), cutoff),
                HeldValues,
                cancellationToken
            );
    }

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
            var ended = await Due(db.Visits, cutoff).ToListAsync(cancellationToken);
            var copies = new CopiesToErase();
            foreach (var visit in ended)
            {
                // Read before the visit forgets them.
                copies.Add(PersonalDataCopies.RecordOf(visit), HeldValues(visit));
                visit.ForgetDelegationContact();
                visit.ForgetDayContacts();
            }

            await copies.EraseAsync(db, now, cancellationToken, command.Found);

            return ended.Count;
        }
    }
}
