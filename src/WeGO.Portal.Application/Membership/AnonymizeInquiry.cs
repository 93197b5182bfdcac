using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Membership;

/// <summary>An administrator erases the person's data of a declined or withdrawn inquiry, keeping country, kind, stage
/// and dates for the statistics. The audit trail never held the personal values (see PersonalDataAttribute).</summary>
public static class AnonymizeInquiry
{
    [AllowedTo(RoleGroup.Administration)]
    public sealed record Command(int InquiryId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var inquiry = await db.LoadInquiryForChangeAsync(command.InquiryId, command.Version, cancellationToken);
            inquiry.Anonymize(clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
