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
    private DelegationMember()
    {
    }

    internal DelegationMember(string fullName, string? title, string? organization, DelegationRole role, string? email, string? dietaryNeeds, string? accessibilityNeeds)
    {
        FullName = Require.Text(fullName, "Delegation.MemberNameRequired", 200);
        Title = Require.OptionalText(title, 200);
        Organization = Require.OptionalText(organization, 200);
        Role = role;
        Email = Require.OptionalText(email, 320);
        DietaryNeeds = Require.OptionalText(dietaryNeeds, 500);
        AccessibilityNeeds = Require.OptionalText(accessibilityNeeds, 500);
    }

    public string FullName { get; private set; } = "";

    public string? Title { get; private set; }

    public string? Organization { get; private set; }

    public DelegationRole Role { get; private set; }

    public string? Email { get; private set; }

    public string? DietaryNeeds { get; private set; }

    public string? AccessibilityNeeds { get; private set; }
}
