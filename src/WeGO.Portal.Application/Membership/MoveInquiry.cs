using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff move an inquiry to the next stage its rules allow. Approval makes the matched organisation a
/// member from the chosen date (today in Seoul unless given).</summary>
public static class MoveInquiry
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int InquiryId { get; init; }

        public int Version { get; init; }

        public InquiryStage? Stage { get; init; }

        /// <summary>Only for approval: when the membership starts.</summary>
        public DateOnly? MemberSince { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Stage).NotNull().IsInEnum();
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var inquiry = await db.LoadInquiryForChangeAsync(command.InquiryId, command.Version, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (command.Stage == InquiryStage.Approved)
            {
                var matched = inquiry.OrganizationId is { } organizationId
                    ? await db.Organizations.FindAsync([organizationId], cancellationToken)
                    : null;
                inquiry.Approve(matched, command.MemberSince ?? SecretariatCalendar.Today(clock), now);
            }
            else
            {
                inquiry.MoveTo(command.Stage!.Value, now);
            }

            return Unit.Value;
        }
    }
}
