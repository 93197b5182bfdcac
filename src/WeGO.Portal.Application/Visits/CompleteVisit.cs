using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>The visit took place; its report can now be written.</summary>
public static class CompleteVisit
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int VisitId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.Complete(clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
