using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff put a delegation's visit in the diary: which city, when and where (in the venue's time zone),
/// who hosts, who leads the delegation and how many come. Before anything is saved the portal warns about a city
/// that may already exist under a similar name and about hosts or a venue already booked at that time; the user
/// then confirms on purpose.</summary>
public static class ScheduleVisit
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : VisitPlan, ICommand<Result>
    {
        /// <summary>An existing city or organisation; otherwise one is created from the fields below.</summary>
        public int? OrganizationId { get; init; }

        public string? OrganizationName { get; init; }

        public string? LocalName { get; init; }

        public string? CountryCode { get; init; }

        /// <summary>Empty means the region of the country.</summary>
        public Region? Region { get; init; }

        public OrganizationKind Kind { get; init; } = OrganizationKind.LocalGovernment;

        /// <summary>The user saw the similar names and wants a new organisation all the same.</summary>
        public bool CreateNewOrganization { get; init; }
    }

    /// <summary>Either the new visit, or the warnings to confirm before it can be scheduled.</summary>
    public sealed record Result(
        NewId? VisitId,
        IReadOnlyList<SimilarOrganization> SimilarOrganizations,
        IReadOnlyList<VisitConflict> Conflicts
    );

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            When(
                c => c.OrganizationId is null,
                () =>
                {
                    RuleFor(c => c.OrganizationName).NotEmpty().MaximumLength(Organization.NameMaxLength);
                    RuleFor(c => c.LocalName).MaximumLength(Organization.NameMaxLength);
                    RuleFor(c => c.CountryCode)
                        .NotEmpty()
                        .Must(Countries.IsKnown)
                        .WithMessage(_ => messages["Organization.CountryUnknown"]);
                }
            );
            RuleFor(c => c.Kind).IsInEnum();
            Include(new VisitPlanValidator(messages));
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            Organization? organization = null;
            if (command.OrganizationId is { } id)
            {
                organization = await db.Organizations.FindAsync([id], cancellationToken)
                    ?? throw new DomainException("Organization.NotFound");
            }
            else
            {
                organization = await SimilarOrganizations.FindSameAsync(
                    db,
                    command.OrganizationName!,
                    command.CountryCode!,
                    cancellationToken
                );
                if (organization is null && !command.CreateNewOrganization)
                {
                    var similar = await SimilarOrganizations.FindAsync(
                        db,
                        command.OrganizationName!,
                        command.CountryCode!,
                        cancellationToken
                    );
                    if (similar.Count > 0)
                    {
                        return new Result(null, similar, []);
                    }
                }
            }

            var hosts = await VisitPlans.HostsAsync(db, command, cancellationToken);
            var zone = command.TimeZoneId;
            var startsAtUtc = VenueTime.ToUtc(command.Date!.Value, command.StartTime!.Value, zone);
            var endsAtUtc = VenueTime.ToUtc(command.Date.Value, command.EndTime!.Value, zone);
            if (!command.ScheduleDespiteConflicts)
            {
                var conflicts = await VisitConflicts.FindAsync(
                    db,
                    startsAtUtc,
                    endsAtUtc,
                    command.Venue,
                    hosts,
                    null,
                    cancellationToken
                );
                if (conflicts.Count > 0)
                {
                    return new Result(null, [], conflicts);
                }
            }

            if (organization is null)
            {
                var country = command.CountryCode!.ToUpperInvariant();
                organization = new Organization(
                    command.OrganizationName!,
                    country,
                    command.Region ?? Countries.SuggestRegion(country),
                    command.Kind,
                    command.LocalName
                );
                db.Organizations.Add(organization);
            }

            var visit = Visit.Schedule(
                organization,
                command.Purpose,
                command.Venue,
                command.Date.Value,
                command.StartTime.Value,
                command.EndTime.Value,
                zone,
                clock.GetUtcNow().UtcDateTime
            );
            foreach (var host in hosts)
            {
                visit.AddHost(host.Name, host.Title, host.StaffUserId);
            }

            if (!string.IsNullOrWhiteSpace(command.HeadOfDelegation))
            {
                visit.NameHeadOfDelegation(command.HeadOfDelegation, command.HeadOfDelegationTitle);
            }

            if (command.ExpectedHeadcount is { } headcount)
            {
                visit.ExpectHeadcount(headcount);
            }

            visit.DescribeLanguages(command.Languages, command.InterpretationNeeded);
            db.Visits.Add(visit);
            return new Result(new NewId(visit), [], []);
        }
    }
}
