using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Privacy;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>Retention: declined or accepted visit requests whose status changed more than
/// <see cref="Command.RetentionDays"/> days ago (<see cref="VisitRequestSettings.RetentionDays"/>) lose their contact's
/// data (<see cref="VisitRequest.ErasePerson"/>), with the messages to or about the contact and the audit values that
/// held it; the city, dates, size, purpose and status stay. Run hourly by a background service; each run takes at
/// most <see cref="BatchSize"/> requests.</summary>
public static class EraseClosedVisitRequests
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

    /// <summary>The next batch: declined or accepted requests, not yet erased, decided before
    /// <paramref name="cutoff"/>, oldest first.</summary>
    private static IQueryable<VisitRequest> Due(IQueryable<VisitRequest> requests, DateTime cutoff) =>
        requests
            .Where(r =>
                (r.Status == VisitRequestStatus.Declined || r.Status == VisitRequestStatus.Accepted)
                && r.Email != Erased.Mark
                && r.StatusChangedAtUtc < cutoff
            )
            .OrderBy(r => r.StatusChangedAtUtc)
            .ThenBy(r => r.Id)
            .Take(BatchSize);

    /// <summary>What a request's copies may hold: the contact's address, name and telephone number.</summary>
    private static string?[] HeldValues(VisitRequest request) => [request.Email, request.ContactName, request.Phone];

    public sealed class SearchHandler(PortalDbContext db, TimeProvider clock)
        : IQueryHandler<SearchCopies, FoundCopies?>
    {
        public ValueTask<FoundCopies?> Handle(SearchCopies query, CancellationToken cancellationToken) =>
            FoundCopies.OfNextBatchAsync(
                db,
                clock,
                query.RetentionDays,
                cutoff => Due(db.VisitRequests.AsNoTracking(), cutoff),
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
            var expired = await Due(db.VisitRequests, cutoff).ToListAsync(cancellationToken);
            var copies = new CopiesToErase();
            foreach (var request in expired)
            {
                // Read before the request forgets them.
                copies.Add(PersonalDataCopies.RecordOf(request), HeldValues(request));
                request.ErasePerson();
            }

            await copies.EraseAsync(db, now, cancellationToken, command.Found);

            return expired.Count;
        }
    }
}
