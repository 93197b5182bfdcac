using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff take a person off a delegation's roster (they are not coming after all).</summary>
#pragma warning disable CA1711 // "Delegate" is the Secretariat's word for a person on the roster, not a .NET delegate.
public static class RemoveDelegate
#pragma warning restore CA1711
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int VisitId { get; init; }

        public int Version { get; init; }

        public int MemberId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).GreaterThan(0);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.RemoveDelegationMember(command.MemberId);
            return Unit.Value;
        }
    }
}
