using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Visits;

/// <summary>The people a city sends: its head, the roster, and how many are expected.</summary>
public sealed class Delegation : Entity
{
    private readonly List<DelegationMember> members = [];

    internal Delegation() { }

    public int VisitId { get; private set; }

    public string? HeadOfDelegation { get; private set; }

    public string? HeadOfDelegationTitle { get; private set; }

    /// <summary>How many the city announced; <see cref="NotAnnounced"/> until it says (the column is not
    /// nullable).</summary>
    public int ExpectedHeadcount { get; private set; }

    public const int NotAnnounced = 0;

    public IReadOnlyList<DelegationMember> Members => members;

    /// <summary>The roster's size once one exists; until then, the announced number.</summary>
    public int Headcount => members.Count > 0 ? members.Count : ExpectedHeadcount;

    internal void NameHead(string name, string? title)
    {
        HeadOfDelegation = Require.Text(name, "Delegation.HeadRequired", PersonName.MaxLength);
        HeadOfDelegationTitle = Require.OptionalText(title, JobTitle.MaxLength);
    }

    /// <param name="headcount">Null when the city has not said (again): the announced number is forgotten.</param>
    internal void Expect(int? headcount)
    {
        if (headcount is null)
        {
            ExpectedHeadcount = NotAnnounced;
            return;
        }

        if (headcount is < 1 or > 1000)
        {
            throw new DomainException("Delegation.HeadcountOutOfRange", 1, 1000);
        }

        ExpectedHeadcount = headcount.Value;
    }

    internal DelegationMember Add(
        string fullName,
        string? title,
        string? organization,
        DelegationRole role,
        string? email,
        string? dietaryNeeds,
        string? accessibilityNeeds
    )
    {
        var member = new DelegationMember(fullName, title, organization, role, email, dietaryNeeds, accessibilityNeeds);
        EnsureOneHead(member);
        members.Add(member);
        FollowHead();
        return member;
    }

    internal void Edit(
        int memberId,
        string fullName,
        string? title,
        string? organization,
        DelegationRole role,
        string? email,
        string? dietaryNeeds,
        string? accessibilityNeeds
    )
    {
        var member = Find(memberId);
        if (
            role == DelegationRole.HeadOfDelegation
            && members.Any(m => m != member && m.Role == DelegationRole.HeadOfDelegation)
        )
        {
            throw new DomainException("Delegation.HeadAlreadyOnRoster");
        }

        member.Edit(fullName, title, organization, role, email, dietaryNeeds, accessibilityNeeds);
        FollowHead();
    }

    internal void Remove(int memberId)
    {
        members.Remove(Find(memberId));
    }

    private DelegationMember Find(int memberId) =>
        members.FirstOrDefault(m => m.Id == memberId) ?? throw new DomainException("Visit.ItemNotFound");

    private void EnsureOneHead(DelegationMember member)
    {
        if (
            member.Role == DelegationRole.HeadOfDelegation
            && members.Any(m => m.Role == DelegationRole.HeadOfDelegation)
        )
        {
            throw new DomainException("Delegation.HeadAlreadyOnRoster");
        }
    }

    /// <summary>The head named on the roster is the delegation's head; without one on the roster, the announced head
    /// stays.</summary>
    private void FollowHead()
    {
        if (members.FirstOrDefault(m => m.Role == DelegationRole.HeadOfDelegation) is { } head)
        {
            NameHead(head.FullName, head.Title);
        }
    }
}
