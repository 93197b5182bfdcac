using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff record that the applicant withdrew its application (by letter or mail) before a decision.</summary>
public static class WithdrawApplication
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command(int ApplicationId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.LoadApplicationForChangeAsync(
                command.ApplicationId,
                command.Version,
                cancellationToken
            );
            var now = clock.GetUtcNow().UtcDateTime;
            application.Withdraw(now);
            await db.FollowInquiryAsync(application, now, cancellationToken);
            return Unit.Value;
        }
    }
}
