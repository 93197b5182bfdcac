using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>A follow-up closed by mistake, or needed again, is opened again; the audit trail keeps who closed
/// and who reopened it.</summary>
public static class ReopenFollowUp
{
    /// <param name="Version">The follow-up's version the page showed.</param>
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int FollowUpId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var followUp = await db.LoadFollowUpForChangeAsync(command.FollowUpId, command.Version, cancellationToken);
            followUp.Reopen();
            return Unit.Value;
        }
    }
}
