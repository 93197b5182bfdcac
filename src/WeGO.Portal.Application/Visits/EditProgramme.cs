using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff describe what the programme adds to the plan (the venue's address, who to call on the day), name
/// the delegation's contact who receives it, and set the last day the contact may change the roster.</summary>
public static class EditProgramme
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int VisitId { get; init; }

        public int Version { get; init; }

        public string? VenueAddress { get; init; }

        public string? DayContacts { get; init; }

        public string? ContactName { get; init; }

        public string? ContactEmail { get; init; }

        public string ContactLanguage { get; init; } = "en";

        public DateOnly? RosterDeadline { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            RuleFor(c => c.VenueAddress).MaximumLength(Visit.VenueAddressMaxLength);
            RuleFor(c => c.DayContacts).MaximumLength(Visit.DayContactsMaxLength);
            RuleFor(c => c.ContactName).MaximumLength(PersonName.MaxLength);
            RuleFor(c => c.ContactEmail)
                .MaximumLength(EmailAddress.MaxLength)
                .EmailAddress()
                .When(c => !string.IsNullOrWhiteSpace(c.ContactEmail));
            RuleFor(c => c.ContactName)
                .NotEmpty()
                .When(c => !string.IsNullOrWhiteSpace(c.ContactEmail))
                .WithMessage(_ => messages["Delegation.ContactRequired"]);
            RuleFor(c => c.ContactEmail)
                .NotEmpty()
                .When(c => !string.IsNullOrWhiteSpace(c.ContactName))
                .WithMessage(_ => messages["Delegation.ContactRequired"]);
            RuleFor(c => c.ContactLanguage)
                .Must(Membership.SubmitMembershipInquiry.Languages.Contains)
                .WithMessage(_ => messages["Inquiry.LanguageUnknown"]);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.DescribeProgramme(command.VenueAddress, command.DayContacts);
            if (!string.IsNullOrWhiteSpace(command.ContactEmail))
            {
                visit.NameDelegationContact(command.ContactName!, command.ContactEmail, command.ContactLanguage);
            }

            // A completed visit keeps its deadline; only a change is the open visit's business.
            if (visit.Delegation.RosterDeadline != command.RosterDeadline)
            {
                visit.SetRosterDeadline(command.RosterDeadline);
            }

            return Unit.Value;
        }
    }
}
