using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>The delegation's contact adds a delegate on the delegation page, or corrects one, until the roster
/// deadline; afterwards the visit refuses with "Delegation.RosterClosed". The history names the change's actor as
/// every public request's ("anonymous").</summary>
#pragma warning disable CA1711 // "Delegate" is the Secretariat's word for a person on the roster, not a .NET delegate.
public static class SaveDelegateOnDelegationPage
#pragma warning restore CA1711
{
    [Public]
    public sealed record Command : ICommand, IDelegateDetails
    {
        public string? Token { get; init; }

        /// <summary>The delegate to correct; none to add one.</summary>
        public int? MemberId { get; init; }

        public string? Honorific { get; init; }

        public string FullName { get; init; } = "";

        public string? Title { get; init; }

        public string? Organization { get; init; }

        public DelegationRole Role { get; init; } = DelegationRole.Delegate;

        public string? Email { get; init; }

        public string? InterpretationNeeds { get; init; }

        public string? DietaryNeeds { get; init; }

        public string? AccessibilityNeeds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new DelegateDetailsValidator());
            RuleFor(c => c.Honorific).MaximumLength(DelegationMember.HonorificMaxLength);
            RuleFor(c => c.InterpretationNeeds).MaximumLength(DelegationMember.InterpretationNeedsMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IOptions<DelegationSettings> settings)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var visit = await db.LoadForDelegationAsync(command.Token, now, settings.Value, cancellationToken);
            visit.EnsureRosterOpenToDelegation(now);
            if (command.MemberId is { } memberId)
            {
                visit.EditDelegationMember(
                    memberId,
                    command.FullName,
                    command.Title,
                    command.Organization,
                    command.Role,
                    command.Email,
                    command.DietaryNeeds,
                    command.AccessibilityNeeds
                );
                visit.DescribeDelegateProtocol(memberId, command.Honorific, command.InterpretationNeeds);
            }
            else
            {
                var member = visit.AddDelegationMember(
                    command.FullName,
                    command.Title,
                    command.Organization,
                    command.Role,
                    command.Email,
                    command.DietaryNeeds,
                    command.AccessibilityNeeds
                );
                visit.DescribeDelegateProtocol(member, command.Honorific, command.InterpretationNeeds);
            }

            return Unit.Value;
        }
    }
}
