using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff keep an internal note on an inquiry (a call made, what the city said); the author is whoever is
/// signed in. The inquirer never sees notes.</summary>
public static class AddInquiryNote
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int InquiryId { get; init; }

        public int Version { get; init; }

        public string Note { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).NotEmpty().MaximumLength(InquiryNote.TextMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var inquiry = await db.LoadInquiryForChangeAsync(command.InquiryId, command.Version, cancellationToken);
            inquiry.AddNote(command.Note, actor.Name, clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
