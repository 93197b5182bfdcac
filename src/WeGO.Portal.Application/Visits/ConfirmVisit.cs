using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>The Secretariat confirms a requested visit: it will take place as planned.</summary>
public static class ConfirmVisit
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int VisitId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.Confirm();
            return Unit.Value;
        }
    }
}
