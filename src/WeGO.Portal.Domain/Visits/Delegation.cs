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

    /// <summary>The person in the city who speaks for the delegation: the programme goes to them, and the delegation
    /// page's link is theirs.</summary>
    [PersonalData]
    public string? ContactName { get; private set; }

    [PersonalData]
    public string? ContactEmail { get; private set; }

    /// <summary>The language the programme and every mail to the contact are written in (en, es or ko).</summary>
    public string ContactLanguage { get; private set; } = "en";

    /// <summary>SHA-256 of the delegation page's private token; the token itself is only ever in the contact's
    /// mail.</summary>
    public string? LinkTokenHash { get; private set; }

    /// <summary>The last day (in the venue's time zone) the contact may enter or correct the roster; without one,
    /// until the visit starts.</summary>
    public DateOnly? RosterDeadline { get; private set; }

    public DateTime? ProgrammeSentAtUtc { get; private set; }

    /// <summary>The programme as last sent (what the portal compares with today's to say what changed).</summary>
    public string? ProgrammeSent { get; private set; }

    /// <summary>When the delegates' dietary and accessibility needs were deleted after the visit.</summary>
    public DateTime? NeedsErasedAtUtc { get; private set; }

    /// <summary>How many were marked present at check-in.</summary>
    public int ArrivedCount => members.Count(m => m.ArrivedAtUtc is not null);

    /// <summary>The roster in the order of precedence: the head of delegation first, then as staff placed
    /// them.</summary>
    public IReadOnlyList<DelegationMember> InPrecedence =>
        [
            .. members
                .OrderBy(m => m.Role == DelegationRole.HeadOfDelegation ? 0 : 1)
                .ThenBy(m => m.Precedence)
                .ThenBy(m => m.Id),
        ];

    /// <summary>The roster's size once one exists; until then, the announced number.</summary>
    public int Headcount => HeadcountOf(members.Count, ExpectedHeadcount);

    /// <summary>The headcount rule for a roster already read: its size once it has anyone, else the number announced
    /// (<see cref="NotAnnounced"/> when none was).</summary>
    public static int HeadcountOf(int rosterSize, int announced) => rosterSize > 0 ? rosterSize : announced;

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
        member.PlaceAt(members.Count == 0 ? 1 : members.Max(m => m.Precedence) + 1);
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
        Renumber(InPrecedence);
    }

    internal void DescribeProtocol(int memberId, string? honorific, string? interpretationNeeds) =>
        Find(memberId).DescribeProtocol(honorific, interpretationNeeds);

    internal void DescribeProtocol(DelegationMember member, string? honorific, string? interpretationNeeds)
    {
        if (!members.Contains(member))
        {
            throw new DomainException("Visit.ItemNotFound");
        }

        member.DescribeProtocol(honorific, interpretationNeeds);
    }

    /// <summary>Moves a delegate one place earlier (<paramref name="offset"/> -1) or later (+1) in the order of
    /// precedence; nobody moves ahead of the head of delegation.</summary>
    internal void Move(int memberId, int offset)
    {
        var ordered = InPrecedence.ToList();
        var member = Find(memberId);
        var first = ordered.Count > 0 && ordered[0].Role == DelegationRole.HeadOfDelegation ? 1 : 0;
        if (member.Role == DelegationRole.HeadOfDelegation)
        {
            throw new DomainException("Delegation.HeadComesFirst");
        }

        var index = ordered.IndexOf(member);
        var target = Math.Clamp(index + offset, first, ordered.Count - 1);
        ordered.RemoveAt(index);
        ordered.Insert(target, member);
        Renumber(ordered);
    }

    internal void MarkArrived(int memberId, DateTime nowUtc) => Find(memberId).MarkArrived(nowUtc);

    internal void MarkNotArrived(int memberId) => Find(memberId).MarkNotArrived();

    internal void NameContact(string name, string email, string language)
    {
        var checkedName = Require.Text(name, "Delegation.ContactRequired", PersonName.MaxLength);
        var checkedEmail = Require.Text(email, "Delegation.ContactRequired", EmailAddress.MaxLength);
        var checkedLanguage = Require.Text(language, "Delegation.ContactRequired", LanguageCode.MaxLength);
        (ContactName, ContactEmail, ContactLanguage) = (checkedName, checkedEmail, checkedLanguage);
    }

    /// <summary>Gives the delegation page a new link; the old one stops working.</summary>
    internal void IssueLink(string tokenHash) => LinkTokenHash = tokenHash;

    internal void SetRosterDeadline(DateOnly? deadline) => RosterDeadline = deadline;

    internal void RecordProgrammeSent(string programme, DateTime nowUtc)
    {
        ProgrammeSent = programme;
        ProgrammeSentAtUtc = nowUtc;
    }

    /// <summary>Erases the contact (name, address, the page's link) and every delegate's address.</summary>
    internal void ForgetContact()
    {
        (ContactName, ContactEmail, LinkTokenHash) = (null, null, null);
        foreach (var member in members)
        {
            member.ForgetEmail();
        }
    }

    /// <summary>Forgets the programme's text as sent (it printed the contacts on the day); the date it was sent stays.
    /// </summary>
    internal void ForgetProgrammeSent() => ProgrammeSent = null;

    /// <summary>Erases one delegate; when they head the delegation, the head's name on the visit goes too.</summary>
    internal void ErasePerson(int memberId)
    {
        var member = Find(memberId);
        if (string.Equals(HeadOfDelegation, member.FullName, StringComparison.OrdinalIgnoreCase))
        {
            (HeadOfDelegation, HeadOfDelegationTitle) = (Erased.Mark, null);
        }

        member.ErasePerson();
    }

    internal void ForgetNeeds(DateTime nowUtc)
    {
        foreach (var member in members)
        {
            member.ForgetNeeds();
        }

        NeedsErasedAtUtc ??= nowUtc;
    }

    private static void Renumber(IEnumerable<DelegationMember> ordered)
    {
        var precedence = 1;
        foreach (var member in ordered)
        {
            member.PlaceAt(precedence++);
        }
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
