using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Domain.Membership;

/// <summary>What an agenda item asks the Executive Committee: to approve an Associate member as a Full member, or to
/// confirm a Friendship or Corporate member.</summary>
public enum AgendaQuestion
{
    AssociateToFull = 1,
    Friendship = 2,
    Corporate = 3,
}

/// <summary>A meeting of WeGO's Executive Committee (about once a year): where it met, who was there, and its
/// decisions on the membership applications put before it.</summary>
public sealed class CommitteeMeeting : AggregateRoot
{
    public const int PlaceMaxLength = 200;
    public const int MembersPresentMaxLength = 2000;

    private readonly List<CommitteeAgendaItem> items = [];

    private CommitteeMeeting() { }

    public CommitteeMeeting(DateOnly heldOn, string? place, bool isOnline, string? membersPresent)
    {
        HeldOn = heldOn;
        Place = Require.OptionalText(place, PlaceMaxLength);
        if (Place is null && !isOnline)
        {
            throw new DomainException("Committee.PlaceRequired");
        }

        IsOnline = isOnline;
        MembersPresent = Require.OptionalText(membersPresent, MembersPresentMaxLength);
    }

    public DateOnly HeldOn { get; private set; }

    public string? Place { get; private set; }

    public bool IsOnline { get; private set; }

    /// <summary>The committee members present, as the minutes list them.</summary>
    public string? MembersPresent { get; private set; }

    public IReadOnlyList<CommitteeAgendaItem> Items => items;

    /// <summary>Decisions are recorded once the meeting has taken place.</summary>
    public bool CanRecordDecisionsOn(DateOnly today) => HeldOn <= today;

    public void RecordAttendance(string? membersPresent) =>
        MembersPresent = Require.OptionalText(membersPresent, MembersPresentMaxLength);

    /// <summary>Puts an application the Secretariat accepted (on or before the meeting's day) on the agenda, after the
    /// items already there.</summary>
    public CommitteeAgendaItem Put(MembershipApplication application)
    {
        if (!application.AwaitsCommittee)
        {
            throw new DomainException("Application.NotAwaitingCommittee");
        }

        if (application.AcceptedOn > HeldOn)
        {
            throw new DomainException("Committee.MeetsBeforeAcceptance");
        }

        if (items.Any(i => i.ApplicationId == application.Id))
        {
            throw new DomainException("Committee.AlreadyOnAgenda");
        }

        var question = application.Category switch
        {
            MembershipCategory.Corporate => AgendaQuestion.Corporate,
            MembershipCategory.Friendship => AgendaQuestion.Friendship,
            _ => AgendaQuestion.AssociateToFull,
        };
        var item = new CommitteeAgendaItem(application.Id, question, items.Count + 1);
        items.Add(item);
        return item;
    }

    /// <summary>Records the resolution on the item and on its application; the registry follows in the same
    /// transaction (the use case changes the member).</summary>
    public void Decide(
        MembershipApplication application,
        CommitteeDecision decision,
        string resolution,
        DateOnly today,
        DateTime atUtc
    )
    {
        if (!CanRecordDecisionsOn(today))
        {
            throw new DomainException("Committee.NotYetHeld");
        }

        var item = items.SingleOrDefault(i => i.ApplicationId == application.Id)
            ?? throw new DomainException("Committee.NotOnAgenda");
        item.Record(decision, resolution);
        application.Decide(decision, HeldOn, atUtc);
    }
}

/// <summary>One application before the Committee and, once decided, the resolution's words.</summary>
public sealed class CommitteeAgendaItem : Entity
{
    public const int ResolutionMaxLength = 4000;

    private CommitteeAgendaItem() { }

    internal CommitteeAgendaItem(int applicationId, AgendaQuestion question, int order)
    {
        ApplicationId = applicationId;
        Question = question;
        Order = order;
    }

    public int ApplicationId { get; private set; }

    public AgendaQuestion Question { get; private set; }

    public int Order { get; private set; }

    public CommitteeDecision? Decision { get; private set; }

    public string? Resolution { get; private set; }

    internal void Record(CommitteeDecision decision, string resolution)
    {
        if (Decision is not null)
        {
            throw new DomainException("Committee.AlreadyDecided");
        }

        Decision = decision;
        Resolution = Require.Text(resolution, "Committee.ResolutionRequired", ResolutionMaxLength);
    }
}
