using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.News;

/// <summary>Staff publish one language version: from then on it is on the public news pages.</summary>
public static class PublishNewsRelease
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command(int ReleaseId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var release = await db.LoadReleaseForChangeAsync(command.ReleaseId, command.Version, cancellationToken);
            release.Publish(clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
