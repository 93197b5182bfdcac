using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>A colleague drops a follow-up that no longer needs doing; the portal records who and when.</summary>
public static class DropFollowUp
{
    /// <param name="Version">The follow-up's version the page showed.</param>
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int FollowUpId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var followUp = await db.LoadFollowUpForChangeAsync(command.FollowUpId, command.Version, cancellationToken);
            followUp.Drop(actor.Name, clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
