using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Application.Membership;

/// <summary>Staff record a meeting of the Executive Committee: when, where (or online), and who attends.</summary>
public static class ScheduleCommitteeMeeting
{
    [AllowedTo(RoleGroup.EditInquiries)]
    public sealed record Command : ICommand<NewId>
    {
        public DateOnly? HeldOn { get; init; }

        public string? Place { get; init; }

        public bool IsOnline { get; init; }

        public string? MembersPresent { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HeldOn).NotNull();
            RuleFor(c => c.Place).NotEmpty().When(c => !c.IsOnline).MaximumLength(CommitteeMeeting.PlaceMaxLength);
            RuleFor(c => c.MembersPresent).MaximumLength(CommitteeMeeting.MembersPresentMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command, NewId>
    {
        public ValueTask<NewId> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = new CommitteeMeeting(
                command.HeldOn!.Value,
                command.Place,
                command.IsOnline,
                command.MembersPresent
            );
            db.CommitteeMeetings.Add(meeting);
            return ValueTask.FromResult(new NewId(meeting));
        }
    }
}
