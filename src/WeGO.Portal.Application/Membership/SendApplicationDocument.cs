using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Membership;

/// <summary>The applicant sends the signed form or a letter through their private status link; the Secretariat is
/// told a document arrived.</summary>
public static class SendApplicationDocument
{
    [Public]
    public sealed record Command : ICommand, IDocumentUpload
    {
        public string? Token { get; init; }

        public string FileName { get; init; } = "";

        public byte[] File { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages) => Include(new DocumentUploadValidator(messages));
    }

    public sealed class Handler(
        PortalDbContext db,
        CommandDocuments store,
        TimeProvider clock,
        IOptions<MailSettings> mail
    ) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var applicationId = await ApplicationByStatusLink.IdAsync(db, command.Token, cancellationToken)
                ?? throw new DomainException("Application.NotFound");
            var application = await db
                .MembershipApplications.Include(a => a.Documents)
                .SingleAsync(a => a.Id == applicationId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            await store.AddAsync(application, command, sentByApplicant: true, now, cancellationToken);
            await db.FollowInquiryAsync(application, now, cancellationToken);
            db.OutboxMessages.Add(
                Emails.Compose(
                    mail.Value.SecretariatAddress,
                    "ApplicationDocumentArrived",
                    "en",
                    now,
                    application.Reference,
                    $"{mail.Value.PublicUrl.ToString().TrimEnd('/')}/Membership/Applications/Details/{application.Id}"
                )
            );
            return Unit.Value;
        }
    }
}
