using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Application.FollowUps;

/// <summary>Staff note something promised during a visit: what, who owns it (a colleague from the list, or
/// anyone else by name) and by when. A cancelled visit takes no new follow-ups.</summary>
public static class AddFollowUp
{
    public const int MaxYearsAhead = 2;

    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand<NewId>
    {
        public int VisitId { get; init; }

        public string Description { get; init; } = "";

        /// <summary>A colleague chosen from the staff list; their name is taken from their account.</summary>
        public string? OwnerUserId { get; init; }

        /// <summary>Someone without an account (a host city official, a partner), when no colleague is
        /// chosen.</summary>
        public string? OwnerName { get; init; }

        public DateOnly? DueOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock, IStringLocalizer<Messages> messages)
        {
            RuleFor(c => c.Description).NotEmpty().MaximumLength(FollowUp.DescriptionMaxLength);
            RuleFor(c => c.OwnerName).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.OwnerUserId));
            RuleFor(c => c.OwnerName).MaximumLength(PersonName.MaxLength);
            RuleFor(c => c.OwnerUserId).MaximumLength(UserKey.MaxLength);
            RuleFor(c => c.DueOn).NotNull();
            RuleFor(c => c.DueOn)
                .Must(due => due <= SecretariatCalendar.Today(clock).AddYears(MaxYearsAhead))
                .When(c => c.DueOn is not null)
                .WithMessage(_ => messages["FollowUp.DueTooFarAhead", MaxYearsAhead]);
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command, NewId>
    {
        public async ValueTask<NewId> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db
                .Visits.AsNoTracking()
                .SingleOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken)
                ?? throw new DomainException("Visit.NotFound");

            var ownerName = command.OwnerName ?? "";
            var ownerUserId = string.IsNullOrWhiteSpace(command.OwnerUserId) ? null : command.OwnerUserId.Trim();
            if (ownerUserId is not null)
            {
                ownerName = await ListStaffForChoice
                    .Choices(db, ownerUserId)
                    .Select(c => c.Name)
                    .SingleOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException("FollowUp.OwnerUnknown");
            }

            var followUp = FollowUp.ForVisit(
                visit,
                command.Description,
                ownerName,
                ownerUserId,
                command.DueOn!.Value,
                clock.GetUtcNow().UtcDateTime
            );
            db.FollowUps.Add(followUp);
            return new NewId(followUp);
        }
    }
}
