using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff upload a document the applicant sent by mail or post: the signed form, a letter.</summary>
public static class AddApplicationDocument
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand, IDocumentUpload
    {
        public int ApplicationId { get; init; }

        public int Version { get; init; }

        public string FileName { get; init; } = "";

        public byte[] File { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages) => Include(new DocumentUploadValidator(messages));
    }

    public sealed class Handler(PortalDbContext db, CommandDocuments store, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.LoadApplicationForChangeAsync(
                command.ApplicationId,
                command.Version,
                cancellationToken
            );
            var now = clock.GetUtcNow().UtcDateTime;
            await store.AddAsync(application, command, sentByApplicant: false, now, cancellationToken);
            await db.FollowInquiryAsync(application, now, cancellationToken);
            return Unit.Value;
        }
    }
}
