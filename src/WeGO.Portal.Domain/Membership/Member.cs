using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Membership;

public enum MemberStatus
{
    Active = 1,
    Suspended = 2,
    Withdrawn = 3,
}

/// <summary>An organisation in WeGO's member registry: its category and status now, and every change that brought it
/// there with the acceptance or decision that caused it.</summary>
public sealed class Member : AggregateRoot
{
    public const int CauseMaxLength = 300;
    public const int ReasonMaxLength = 2000;

    private readonly List<MembershipChange> changes = [];

    private Member() { }

    private Member(
        int organizationId,
        OrganizationKind kind,
        MembershipCategory category,
        int? regionalOfficeId,
        DateOnly since,
        string cause
    )
    {
        if (!MembershipCategories.IsOpenTo(category, kind))
        {
            throw new DomainException("Member.CategoryNotForKind");
        }

        OrganizationId = organizationId;
        Kind = kind;
        RegionalOfficeId = regionalOfficeId;
        MemberSince = since;
        Change(since, category, MemberStatus.Active, cause, null);
    }

    public int OrganizationId { get; private set; }

    /// <summary>The organisation's kind when it joined: what decides the categories it may hold.</summary>
    public OrganizationKind Kind { get; private set; }

    public MembershipCategory Category { get; private set; }

    public MemberStatus Status { get; private set; }

    public DateOnly MemberSince { get; private set; }

    /// <summary>The office that looks after it: the Secretariat or a regional office.</summary>
    public int? RegionalOfficeId { get; private set; }

    public IReadOnlyList<MembershipChange> Changes => changes;

    public bool CanBecomeFull => CanBecomeFullIn(Category, Status);

    public bool CanSuspend => Status == MemberStatus.Active;

    public bool CanReinstate => Status == MemberStatus.Suspended;

    public bool CanWithdraw => Status != MemberStatus.Withdrawn;

    public static bool CanBecomeFullIn(MembershipCategory category, MemberStatus status) =>
        category == MembershipCategory.Associate && status == MemberStatus.Active;

    /// <summary>A city whose application the Secretariat accepted on <paramref name="on"/>.</summary>
    public static Member AssociateOf(
        int organizationId,
        OrganizationKind kind,
        int? regionalOfficeId,
        DateOnly on,
        string cause
    ) => new(organizationId, kind, MembershipCategory.Associate, regionalOfficeId, on, cause);

    /// <summary>A Friendship or Corporate member the Executive Committee admitted on <paramref name="on"/>. A city
    /// joins as an Associate member first, so the Committee cannot make it a Full member here.</summary>
    public static Member AdmittedByCommittee(
        int organizationId,
        OrganizationKind kind,
        MembershipCategory category,
        int? regionalOfficeId,
        DateOnly on,
        string cause
    ) =>
        category is MembershipCategory.Friendship or MembershipCategory.Corporate
            ? new(organizationId, kind, category, regionalOfficeId, on, cause)
            : throw new DomainException("Member.CityJoinsAsAssociate");

    /// <summary>The Executive Committee approves an Associate member as a Full member.</summary>
    public void BecomeFull(DateOnly on, string cause)
    {
        if (!CanBecomeFull)
        {
            throw new DomainException(
                Status == MemberStatus.Active ? "Member.OnlyAssociateBecomesFull" : "Member.NotActive"
            );
        }

        Change(on, MembershipCategory.Full, Status, cause, null);
    }

    public void Suspend(DateOnly on, string reason)
    {
        if (!CanSuspend)
        {
            throw new DomainException("Member.NotActive");
        }

        Change(
            on,
            Category,
            MemberStatus.Suspended,
            "",
            Require.Text(reason, "Member.ReasonRequired", ReasonMaxLength)
        );
    }

    public void Reinstate(DateOnly on, string cause)
    {
        if (!CanReinstate)
        {
            throw new DomainException("Member.NotSuspended");
        }

        Change(on, Category, MemberStatus.Active, cause, null);
    }

    public void Withdraw(DateOnly on, string reason)
    {
        if (!CanWithdraw)
        {
            throw new DomainException("Member.AlreadyWithdrawn");
        }

        Change(
            on,
            Category,
            MemberStatus.Withdrawn,
            "",
            Require.Text(reason, "Member.ReasonRequired", ReasonMaxLength)
        );
    }

    public void AssignTo(int? regionalOfficeId) => RegionalOfficeId = regionalOfficeId;

    /// <summary>Moves to <paramref name="category"/> and <paramref name="status"/> from <paramref name="on"/> and
    /// writes the line of history that says so; nothing changes when the date comes before the last line's.</summary>
    private void Change(DateOnly on, MembershipCategory category, MemberStatus status, string cause, string? reason)
    {
        if (changes.Count > 0 && on < changes[^1].On)
        {
            throw new DomainException("Member.ChangeBeforeLast");
        }

        var change = new MembershipChange(on, category, status, cause, reason);
        Category = category;
        Status = status;
        changes.Add(change);
    }
}

/// <summary>One line of a member's history: its category and status from <see cref="On"/>, and what caused the change
/// (the Secretariat's acceptance, an Executive Committee resolution) or why (a withdrawal's reason).</summary>
public sealed class MembershipChange : Entity
{
    private MembershipChange() { }

    internal MembershipChange(
        DateOnly on,
        MembershipCategory category,
        MemberStatus status,
        string cause,
        string? reason
    )
    {
        On = on;
        Category = category;
        Status = status;
        Cause = Require.OptionalText(cause, Member.CauseMaxLength);
        Reason = reason;
    }

    public DateOnly On { get; private set; }

    public MembershipCategory Category { get; private set; }

    public MemberStatus Status { get; private set; }

    public string? Cause { get; private set; }

    public string? Reason { get; private set; }
}
