using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff record that a member was suspended, reinstated or withdrew, from a date and, when it leaves or is
/// suspended, why; the registry's history keeps the line.</summary>
public static class ChangeMemberStatus
{
    public const int CauseMaxLength = Member.CauseMaxLength;

    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand
    {
        public int MemberId { get; init; }

        public int Version { get; init; }

        public MemberStatus? To { get; init; }

        public DateOnly? On { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.To).NotNull().IsInEnum();
            RuleFor(c => c.On).NotNull();
            RuleFor(c => c.Reason)
                .NotEmpty()
                .When(c => c.To != MemberStatus.Active)
                .MaximumLength(Member.ReasonMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var member = await db
                .Members.Include(m => m.Changes)
                .SingleForChangeAsync(db, command.MemberId, command.Version, "Member.NotFound", cancellationToken);
            var on = command.On!.Value;
            switch (command.To!.Value)
            {
                case MemberStatus.Suspended:
                    member.Suspend(on, command.Reason!);
                    break;
                case MemberStatus.Withdrawn:
                    member.Withdraw(on, command.Reason!);
                    break;
                default:
                    member.Reinstate(on, command.Reason ?? "");
                    break;
            }

            return Unit.Value;
        }
    }
}
