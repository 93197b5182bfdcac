using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff put one more person on a delegation's roster.</summary>
#pragma warning disable CA1711 // "Delegate" is the Secretariat's word for a person on the roster, not a .NET delegate.
public static class AddDelegate
#pragma warning restore CA1711
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : DelegateFields, ICommand<NewId>
    {
        public int VisitId { get; init; }

        public int Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new DelegateDetailsValidator());
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command, NewId>
    {
        public async ValueTask<NewId> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            var member = visit.AddDelegationMember(
                command.FullName,
                command.Title,
                command.Organization,
                command.Role,
                command.Email,
                command.DietaryNeeds,
                command.AccessibilityNeeds
            );
            visit.DescribeDelegateProtocol(member, command.Honorific, command.InterpretationNeeds);
            return new NewId(member);
        }
    }
}
