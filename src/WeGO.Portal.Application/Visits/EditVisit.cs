using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff change a planned visit: its purpose, time, venue, hosts and delegation details. Moving it warns
/// about double bookings like scheduling does; saving over someone else's newer change is refused.</summary>
public static class EditVisit
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : VisitPlan, ICommand<Result>
    {
        public int VisitId { get; init; }

        public int Version { get; init; }
    }

    /// <summary>Saved, or the double bookings to confirm first.</summary>
    public sealed record Result(bool Saved, IReadOnlyList<VisitConflict> Conflicts);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages) => Include(new VisitPlanValidator(messages));
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            var hosts = await VisitPlans.HostsAsync(db, command, cancellationToken);
            var startsAtUtc = VenueTime.ToUtc(command.Date!.Value, command.StartTime!.Value, command.TimeZoneId);
            var endsAtUtc = VenueTime.ToUtc(command.Date.Value, command.EndTime!.Value, command.TimeZoneId);
            if (!command.ScheduleDespiteConflicts)
            {
                var conflicts = await VisitConflicts.FindAsync(
                    db,
                    startsAtUtc,
                    endsAtUtc,
                    command.Venue,
                    hosts,
                    visit.Id,
                    cancellationToken
                );
                if (conflicts.Count > 0)
                {
                    return new Result(false, conflicts);
                }
            }

            visit.RestatePurpose(command.Purpose);
            visit.Reschedule(
                command.Date.Value,
                command.StartTime.Value,
                command.EndTime.Value,
                command.TimeZoneId,
                command.Venue
            );
            visit.ReplaceHosts(hosts.Select(h => (h.Name, h.Title, h.StaffUserId)));
            if (!string.IsNullOrWhiteSpace(command.HeadOfDelegation))
            {
                visit.NameHeadOfDelegation(command.HeadOfDelegation, command.HeadOfDelegationTitle);
            }

            // Empty means not announced: a cleared field clears the number instead of keeping the old one.
            visit.ExpectHeadcount(command.ExpectedHeadcount);

            visit.DescribeLanguages(command.Languages, command.InterpretationNeeded);
            return new Result(true, []);
        }
    }
}
