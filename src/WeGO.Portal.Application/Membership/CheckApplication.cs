using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff record the checklist before accepting: the form is signed, the signatory may sign for the
/// applicant, the contact is confirmed.</summary>
public static class CheckApplication
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int ApplicationId { get; init; }

        public int Version { get; init; }

        public bool IsSigned { get; init; }

        public bool SignatoryIsAuthorised { get; init; }

        public bool ContactConfirmed { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.LoadApplicationForChangeAsync(
                command.ApplicationId,
                command.Version,
                cancellationToken
            );
            application.Check(command.IsSigned, command.SignatoryIsAuthorised, command.ContactConfirmed);
            return Unit.Value;
        }
    }
}
