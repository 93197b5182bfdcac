using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>When and where a visit happens and who comes, as staff type it: what scheduling a visit, editing it and
/// accepting a city's request ask alike.</summary>
public abstract record VisitTimeAndPlace
{
    public string Purpose { get; init; } = "";

    public DateOnly? Date { get; init; }

    public TimeOnly? StartTime { get; init; }

    public TimeOnly? EndTime { get; init; }

    public string TimeZoneId { get; init; } = VenueTime.Seoul;

    public string Venue { get; init; } = "";

    public int? ExpectedHeadcount { get; init; }

    public string? Languages { get; init; }

    public bool InterpretationNeeded { get; init; }
}

/// <summary>What scheduling and editing a visit ask alike: when, where, who hosts, who comes.</summary>
public abstract record VisitPlan : VisitTimeAndPlace
{
    public List<string> HostStaffIds { get; init; } = [];

    public List<int> HostContactIds { get; init; } = [];

    public string? OtherHostName { get; init; }

    public string? OtherHostTitle { get; init; }

    public string? HeadOfDelegation { get; init; }

    public string? HeadOfDelegationTitle { get; init; }

    /// <summary>The user saw the double bookings and goes ahead all the same.</summary>
    public bool ScheduleDespiteConflicts { get; init; }
}

public sealed class VisitTimeAndPlaceValidator : AbstractValidator<VisitTimeAndPlace>
{
    public VisitTimeAndPlaceValidator(IStringLocalizer<Messages> messages)
    {
        RuleFor(c => c.Purpose).NotEmpty().MaximumLength(Visit.PurposeMaxLength);
        RuleFor(c => c.Date).NotNull();
        RuleFor(c => c.StartTime).NotNull();
        RuleFor(c => c.EndTime)
            .NotNull()
            .GreaterThan(c => c.StartTime)
            .When(c => c.StartTime is not null)
            .WithMessage(_ => messages["Visit.EndBeforeStart"]);
        RuleFor(c => c.TimeZoneId)
            .NotEmpty()
            .MaximumLength(VenueTime.ZoneIdMaxLength)
            .Must(VisitPlans.IsKnownTimeZone)
            .WithMessage(c => messages["Visit.TimeZoneUnknown", c.TimeZoneId]);
        RuleFor(c => c.Venue).NotEmpty().MaximumLength(Visit.VenueMaxLength);
        RuleFor(c => c.ExpectedHeadcount).InclusiveBetween(1, 1000);
        RuleFor(c => c.Languages).MaximumLength(Visit.LanguagesMaxLength);
    }
}

public sealed class VisitPlanValidator : AbstractValidator<VisitPlan>
{
    public VisitPlanValidator(IStringLocalizer<Messages> messages)
    {
        Include(new VisitTimeAndPlaceValidator(messages));
        RuleFor(c => c.HostStaffIds)
            .Must(
                (plan, _) =>
                    plan.HostStaffIds.Count + plan.HostContactIds.Count > 0
                    || !string.IsNullOrWhiteSpace(plan.OtherHostName)
            )
            .WithMessage(_ => messages["Visit.HostRequired"]);
        RuleFor(c => c.OtherHostName).MaximumLength(PersonName.MaxLength);
        RuleFor(c => c.OtherHostTitle).MaximumLength(JobTitle.MaxLength);
        RuleFor(c => c.HeadOfDelegation).MaximumLength(PersonName.MaxLength);
        RuleFor(c => c.HeadOfDelegationTitle).MaximumLength(JobTitle.MaxLength);
    }
}

public static class VisitPlans
{
    public static bool IsKnownTimeZone(string? id)
    {
        try
        {
            return id is not null && VenueTime.Zone(id) is not null;
        }
        catch (Domain.Common.DomainException)
        {
            return false;
        }
    }

    /// <summary>The hosts a plan names, in the order staff, Secretariat people, then anyone else.</summary>
    public static async Task<IReadOnlyList<PlannedHost>> HostsAsync(
        PortalDbContext db,
        VisitPlan plan,
        CancellationToken cancellationToken
    )
    {
        var staff = await db
            .Users.AsNoTracking()
            .Where(u => plan.HostStaffIds.Contains(u.Id))
            .Select(u => new PlannedHost(u.DisplayName, null, u.Id))
            .ToListAsync(cancellationToken);
        var people = await db
            .Contacts.AsNoTracking()
            .Where(c => plan.HostContactIds.Contains(c.Id))
            .OrderBy(c => c.Id)
            .Select(c => new PlannedHost(c.FullName, c.Title, null))
            .ToListAsync(cancellationToken);
        var hosts = staff.Concat(people).ToList();
        if (!string.IsNullOrWhiteSpace(plan.OtherHostName))
        {
            hosts.Add(new PlannedHost(plan.OtherHostName.Trim(), plan.OtherHostTitle?.Trim(), null));
        }

        return hosts;
    }
}
