using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

public static class RemoveAgendaItem
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int VisitId, int Version, int ItemId) : ICommand;

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.RemoveAgendaItem(command.ItemId);
            return Unit.Value;
        }
    }
}
