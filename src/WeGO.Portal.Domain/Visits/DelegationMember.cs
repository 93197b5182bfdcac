using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Visits;

public enum DelegationRole
{
    HeadOfDelegation = 1,
    Delegate = 2,
    Interpreter = 3,
    SupportStaff = 4,
}

/// <summary>One person on a delegation's roster.</summary>
public sealed class DelegationMember : Entity
{
    public const int NeedsMaxLength = 500;

    private DelegationMember() { }

    internal DelegationMember(
        string fullName,
        string? title,
        string? organization,
        DelegationRole role,
        string? email,
        string? dietaryNeeds,
        string? accessibilityNeeds
    )
    {
        Edit(fullName, title, organization, role, email, dietaryNeeds, accessibilityNeeds);
    }

    public string FullName { get; private set; } = "";

    public string? Title { get; private set; }

    public string? Organization { get; private set; }

    public DelegationRole Role { get; private set; }

    public string? Email { get; private set; }

    public string? DietaryNeeds { get; private set; }

    public string? AccessibilityNeeds { get; private set; }

    internal void Edit(
        string fullName,
        string? title,
        string? organization,
        DelegationRole role,
        string? email,
        string? dietaryNeeds,
        string? accessibilityNeeds
    )
    {
        // Every value is checked before any is kept, so a refused edit leaves the member as it was.
        var name = Require.Text(fullName, "Delegation.MemberNameRequired", PersonName.MaxLength);
        var checkedTitle = Require.OptionalText(title, JobTitle.MaxLength);
        var checkedOrganization = Require.OptionalText(organization, Organizations.Organization.NameMaxLength);
        var checkedEmail = Require.OptionalText(email, EmailAddress.MaxLength);
        var dietary = Require.OptionalText(dietaryNeeds, NeedsMaxLength);
        var accessibility = Require.OptionalText(accessibilityNeeds, NeedsMaxLength);
        if (!Enum.IsDefined(role))
        {
            throw new DomainException("Delegation.RoleUnknown");
        }

        (FullName, Title, Organization, Role, Email, DietaryNeeds, AccessibilityNeeds) = (
            name,
            checkedTitle,
            checkedOrganization,
            role,
            checkedEmail,
            dietary,
            accessibility
        );
    }
}
