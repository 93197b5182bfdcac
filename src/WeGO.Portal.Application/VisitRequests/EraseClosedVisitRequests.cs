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
                .VisitRequests.Where(r =>
                    (r.Status == VisitRequestStatus.Declined || r.Status == VisitRequestStatus.Accepted)
                    && r.Email != Erased.Mark
                    && r.StatusChangedAtUtc < cutoff
                )
                .OrderBy(r => r.StatusChangedAtUtc)
                .ThenBy(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var copies = new CopiesToErase();
            foreach (var request in expired)
            {
                // Read before the request forgets them.
                copies.Add(PersonalDataCopies.RecordOf(request), [request.Email, request.ContactName, request.Phone]);
                request.ErasePerson();
            }

            await copies.EraseAsync(db, now, cancellationToken);

            return expired.Count;
        }
    }
}
