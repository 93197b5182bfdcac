using FluentValidation;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>What the portal records about one delegate, whether typed in a form or read from a roster file.</summary>
public interface IDelegateDetails
{
    string FullName { get; }

    string? Title { get; }

    string? Organization { get; }

    DelegationRole Role { get; }

    string? Email { get; }

    string? DietaryNeeds { get; }

    string? AccessibilityNeeds { get; }

    /// <summary>How the delegate wishes to be addressed ("Dato'", "Dr"), printed before the name on badges.</summary>
    string? Honorific { get; }

    string? InterpretationNeeds { get; }
}

/// <summary>A delegate's details as the add and edit forms send them.</summary>
public abstract record DelegateFields : IDelegateDetails
{
    public string FullName { get; init; } = "";

    public string? Title { get; init; }

    public string? Organization { get; init; }

    public DelegationRole Role { get; init; } = DelegationRole.Delegate;

    public string? Email { get; init; }

    public string? DietaryNeeds { get; init; }

    public string? AccessibilityNeeds { get; init; }

    public string? Honorific { get; init; }

    public string? InterpretationNeeds { get; init; }
}

/// <summary>The shape of a delegate's details, with the lengths <see cref="DelegationMember"/> keeps; shared by
/// the add and edit forms and every row of a roster import.</summary>
public sealed class DelegateDetailsValidator : AbstractValidator<IDelegateDetails>
{
    public DelegateDetailsValidator()
    {
        RuleFor(d => d.FullName).NotEmpty().MaximumLength(PersonName.MaxLength);
        RuleFor(d => d.Title).MaximumLength(JobTitle.MaxLength);
        RuleFor(d => d.Organization).MaximumLength(Domain.Organizations.Organization.NameMaxLength);
        RuleFor(d => d.Role).IsInEnum();
        RuleFor(d => d.Email)
            .MaximumLength(EmailAddress.MaxLength)
            .EmailAddress()
            .When(d => !string.IsNullOrWhiteSpace(d.Email));
        RuleFor(d => d.DietaryNeeds).MaximumLength(DelegationMember.NeedsMaxLength);
        RuleFor(d => d.AccessibilityNeeds).MaximumLength(DelegationMember.NeedsMaxLength);
        RuleFor(d => d.Honorific).MaximumLength(DelegationMember.HonorificMaxLength);
        RuleFor(d => d.InterpretationNeeds).MaximumLength(DelegationMember.InterpretationNeedsMaxLength);
    }
}
