using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>The Secretariat returns an application with the reason the applicant reads on their status link and in
/// the mail; sending a new document makes it received again.</summary>
public static class ReturnApplication
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int ApplicationId { get; init; }

        public int Version { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(MembershipApplication.ReturnReasonMaxLength);
        }
    }

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
            application.Return(command.Reason!, now);
            var organization = await db
                .Organizations.Where(o => o.Id == application.OrganizationId)
                .Select(o => o.Name)
                .SingleAsync(cancellationToken);
            db.OutboxMessages.Add(
                Emails.Compose(
                    application.ContactEmail,
                    "ApplicationReturned",
                    application.Language,
                    now,
                    application.ContactName,
                    organization,
                    application.Reference,
                    application.ReturnReason,
                    Emails.Text("Signature", application.Language)
                )
            );
            return Unit.Value;
        }
    }
}
