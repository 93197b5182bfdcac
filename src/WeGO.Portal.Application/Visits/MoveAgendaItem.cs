using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>Moves an agenda item one place earlier (Offset -1) or later (+1).</summary>
public static class MoveAgendaItem
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int VisitId, int Version, int ItemId, int Offset) : ICommand;

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.MoveAgendaItem(command.ItemId, Math.Sign(command.Offset));
            return Unit.Value;
        }
    }
}
