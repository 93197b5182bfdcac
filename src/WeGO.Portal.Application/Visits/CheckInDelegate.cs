using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Visits;

/// <summary>At the door, staff mark a delegate arrived (or undo a mistaken mark).</summary>
/// <remarks>Unlike the roster's forms this takes no version: several colleagues check people in at once from their
/// phones, and marking one person says nothing about anyone else, so a page opened a minute ago must still
/// work.</remarks>
#pragma warning disable CA1711 // "Delegate" is the Secretariat's word for a person on the roster, not a .NET delegate.
public static class CheckInDelegate
#pragma warning restore CA1711
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int VisitId { get; init; }

        public int MemberId { get; init; }

        /// <summary>True: arrived; false: not (yet).</summary>
        public bool Arrived { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).GreaterThan(0);
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db
                .Visits.Include(v => v.Delegation)
                    .ThenInclude(d => d.Members)
                .SingleOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken)
                ?? throw new DomainException("Visit.NotFound");
            visit.MarkDelegateArrived(command.MemberId, command.Arrived, clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
