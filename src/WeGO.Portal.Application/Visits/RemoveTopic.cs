using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff take back a topic recorded by mistake.</summary>
public static class RemoveTopic
{
    /// <param name="Version">The visit's version the form was built from.</param>
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int VisitId, int Version, int TopicId) : ICommand;

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.RemoveTopic(command.TopicId);
            return Unit.Value;
        }
    }
}
