using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff move an inquiry by hand: contacted, declined or withdrawn. Once an application is opened from it, the
/// inquiry's stage follows the application (sent, under review, approved), so no hand moves it any more; membership
/// itself comes from the application's acceptance or the Executive Committee, never from the inquiry.</summary>
public static class MoveInquiry
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int InquiryId { get; init; }

        public int Version { get; init; }

        public InquiryStage? Stage { get; init; }
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
            if (await db.MembershipApplications.AnyAsync(a => a.InquiryId == inquiry.Id, cancellationToken))
            {
                throw new DomainException("Inquiry.StageFollowsApplication");
            }

            inquiry.MoveTo(command.Stage!.Value, clock.GetUtcNow().UtcDateTime);
            return Unit.Value;
        }
    }
}
