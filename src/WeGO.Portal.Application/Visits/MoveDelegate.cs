using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff move a delegate one place up or down the order of precedence (the order badges, place cards and
/// check-in follow); the head of delegation stays first.</summary>
#pragma warning disable CA1711 // "Delegate" is the Secretariat's word for a person on the roster, not a .NET delegate.
public static class MoveDelegate
#pragma warning restore CA1711
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int VisitId { get; init; }

        public int Version { get; init; }

        public int MemberId { get; init; }

        /// <summary>-1: one place earlier; +1: one place later.</summary>
        public int Offset { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).GreaterThan(0);
            RuleFor(c => c.Offset).Must(o => o is -1 or 1);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.MoveDelegate(command.MemberId, command.Offset);
            return Unit.Value;
        }
    }
}
