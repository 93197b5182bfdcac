using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Membership;

/// <summary>
/// Puts an application the Secretariat accepted on a meeting's agenda, after the items already there.
/// </summary>
public static class PutOnCommitteeAgenda
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command(int MeetingId, int Version, int ApplicationId) : ICommand;

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingForChangeAsync(command.MeetingId, command.Version, cancellationToken);
            var application = await db.MembershipApplications.SingleOrDefaultAsync(
                a => a.Id == command.ApplicationId,
                cancellationToken
            ) ?? throw new DomainException("Application.NotFound");
            meeting.Put(application);
            return Unit.Value;
        }
    }
}
