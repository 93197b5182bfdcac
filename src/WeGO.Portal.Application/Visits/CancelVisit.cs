using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>A visit that will not happen is cancelled with a reason; it keeps its history and stays in the
/// list.</summary>
public static class CancelVisit
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int VisitId { get; init; }

        public int Version { get; init; }

        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(Visit.CancellationReasonMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.Cancel(command.Reason);
            return Unit.Value;
        }
    }
}
