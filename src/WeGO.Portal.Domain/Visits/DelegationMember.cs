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
    public const int HonorificMaxLength = 100;
    public const int InterpretationNeedsMaxLength = 200;

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

    /// <summary>Contact details: never copied into the audit trail, erased with the delegation's contact some time
    /// after the visit.</summary>
    [PersonalData]
    public string? Email { get; private set; }

    /// <summary>Health-related: seen only by the staff who prepare the visit, never copied into the audit trail, and
    /// deleted some days after the visit (<see cref="ForgetNeeds"/>).</summary>
    [PersonalData]
    public string? DietaryNeeds { get; private set; }

    [PersonalData]
    public string? AccessibilityNeeds { get; private set; }

    /// <summary>How the delegate wishes to be addressed before their name ("Dato'", "The Honourable", "Dr"), as they
    /// wrote it.</summary>
    public string? Honorific { get; private set; }

    /// <summary>The languages the delegate needs interpreted ("Malay to Korean"), if any.</summary>
    public string? InterpretationNeeds { get; private set; }

    /// <summary>Place in the order of precedence, 1 first; the head of delegation always comes first (see
    /// <see cref="Delegation.InPrecedence"/>).</summary>
    public int Precedence { get; private set; }

    /// <summary>When the delegate was marked present at check-in; null until they arrive.</summary>
    public DateTime? ArrivedAtUtc { get; private set; }

    /// <summary>The name as badges and place cards print it: the honorific, then the name.</summary>
    public string AddressedAs => Honorific is null ? FullName : $"{Honorific} {FullName}";

    internal void DescribeProtocol(string? honorific, string? interpretationNeeds)
    {
        var checkedHonorific = Require.OptionalText(honorific, HonorificMaxLength);
        var interpretation = Require.OptionalText(interpretationNeeds, InterpretationNeedsMaxLength);
        (Honorific, InterpretationNeeds) = (checkedHonorific, interpretation);
    }

    internal void PlaceAt(int precedence) => Precedence = precedence;

    internal void MarkArrived(DateTime nowUtc) => ArrivedAtUtc ??= nowUtc;

    internal void MarkNotArrived() => ArrivedAtUtc = null;

    /// <summary>Deletes the health-related needs (dietary, accessibility); the rest of the entry stays.</summary>
    internal void ForgetNeeds() => (DietaryNeeds, AccessibilityNeeds) = (null, null);

    internal void ForgetEmail() => Email = null;

    /// <summary>Erases everything about the person; the entry (role, organisation, place, arrival) stays, so the
    /// delegation's size and the visit's figures do not move.</summary>
    internal void ErasePerson()
    {
        FullName = Erased.Mark;
        Title = null;
        Email = null;
        DietaryNeeds = null;
        AccessibilityNeeds = null;
        Honorific = null;
        InterpretationNeeds = null;
    }

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
