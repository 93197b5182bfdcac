using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff correct what the roster says about one delegate: honorific, name, title, organisation, role,
/// email, interpretation and other needs.</summary>
#pragma warning disable CA1711 // "Delegate" is the Secretariat's word for a person on the roster, not a .NET delegate.
public static class EditDelegate
#pragma warning restore CA1711
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : DelegateFields, ICommand
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
            Include(new DelegateDetailsValidator());
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.EditDelegationMember(
                command.MemberId,
                command.FullName,
                command.Title,
                command.Organization,
                command.Role,
                command.Email,
                command.DietaryNeeds,
                command.AccessibilityNeeds
            );
            visit.DescribeDelegateProtocol(command.MemberId, command.Honorific, command.InterpretationNeeds);
            return Unit.Value;
        }
    }
}
