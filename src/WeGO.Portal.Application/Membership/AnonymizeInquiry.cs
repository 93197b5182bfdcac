using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Privacy;

namespace WeGO.Portal.Application.Membership;

/// <summary>An administrator erases the person's data of a declined or withdrawn inquiry, keeping country, kind, stage
/// and dates for the statistics; its messages, the audit values that held its data and the application opened from it,
/// when that closed without membership, are erased with it (<see cref="ApplicantErasure"/>).</summary>
public static class AnonymizeInquiry
{
    [AllowedTo(RoleGroup.Administration)]
    public sealed record Command(int InquiryId, int Version) : ICommand;

    public sealed class Handler(PortalDbContext db, CommandDocuments documents, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var inquiry = await db.LoadInquiryForChangeAsync(command.InquiryId, command.Version, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var copies = new CopiesToErase();
            await ApplicantErasure.AnonymizeInquiryAsync(db, documents, inquiry, copies, now, cancellationToken);
            await copies.EraseAsync(db, now, cancellationToken);
            return Unit.Value;
        }
    }
}
