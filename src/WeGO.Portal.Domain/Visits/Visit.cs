using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Visits;

/// <summary>A delegation's visit to WeGO: when and where, who comes, who hosts, the agenda and what was
/// raised.</summary>
public sealed class Visit : AggregateRoot
{
    public const int PurposeMaxLength = 2000;
    public const int VenueMaxLength = 300;
    public const int CancellationReasonMaxLength = 1000;
    public const int LanguagesMaxLength = 200;
    public const int VenueAddressMaxLength = 500;
    public const int DayContactsMaxLength = 1000;

    private readonly List<VisitHost> hosts = [];
    private readonly List<AgendaItem> agenda = [];
    private readonly List<TopicOfInterest> topics = [];

    private Visit() { }

    private Visit(
        Organization organization,
        string purpose,
        string venue,
        string timeZoneId,
        DateTime startsAtUtc,
        DateTime endsAtUtc,
        DateTime nowUtc
    )
    {
        Organization = organization;
        OrganizationId = organization.Id;
        Purpose = Require.Text(purpose, "Visit.PurposeRequired", PurposeMaxLength);
        Venue = Require.Text(venue, "Visit.VenueRequired", VenueMaxLength);
        SetTime(timeZoneId, startsAtUtc, endsAtUtc);
        Status = VisitStatus.Requested;
        CreatedAtUtc = nowUtc;
        Delegation = new Delegation();
    }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; } = null!;

    public string Purpose { get; private set; } = "";

    public string Venue { get; private set; } = "";

    /// <summary>The venue's street address, for the programme and its map link.</summary>
    public string? VenueAddress { get; private set; }

    /// <summary>Who the delegation calls on the day (names, phones), as the programme prints it.</summary>
    public string? DayContacts { get; private set; }

    /// <summary>IANA id of the venue's time zone; start and end are agreed in it.</summary>
    public string TimeZoneId { get; private set; } = VenueTime.Seoul;

    public DateTime StartsAtUtc { get; private set; }

    public DateTime EndsAtUtc { get; private set; }

    public VisitStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Languages spoken by the delegation, as entered (e.g. "Malay, English").</summary>
    public string? Languages { get; private set; }

    public bool InterpretationNeeded { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Delegation Delegation { get; private set; } = null!;

    public IReadOnlyList<VisitHost> Hosts => hosts;

    public IReadOnlyList<AgendaItem> Agenda => agenda;

    public IReadOnlyList<TopicOfInterest> Topics => topics;

    /// <summary>Whether its plan (purpose, time, venue, hosts) can still change: before it is completed or
    /// cancelled.</summary>
    public bool CanEdit => CanEditIn(Status);

    /// <summary>Whether its record (agenda, delegation, languages, topics, follow-ups) can still change: unless it was
    /// cancelled.</summary>
    public bool CanAmend => CanAmendIn(Status);

    public bool CanConfirm => CanConfirmIn(Status);

    /// <summary>Whether it can be marked completed; <see cref="Complete"/> also waits for its start.</summary>
    public bool CanComplete => CanCompleteIn(Status);

    public bool CanCancel => CanCancelIn(Status);

    /// <summary>Whether a report can be written of it: once it is completed.</summary>
    public bool CanReport => CanReportIn(Status);

    public DateTime StartsAtLocal => VenueTime.ToLocal(StartsAtUtc, TimeZoneId);

    public DateTime EndsAtLocal => VenueTime.ToLocal(EndsAtUtc, TimeZoneId);

    // The state rules, asked of a status so that a query, which projects the status, asks the very rule the entity
    // enforces (docs/decisions/0019-limits-and-state-rules-on-the-entity.md).
    public static bool CanEditIn(VisitStatus status) => status is VisitStatus.Requested or VisitStatus.Confirmed;

    public static bool CanAmendIn(VisitStatus status) => status != VisitStatus.Cancelled;

    public static bool CanConfirmIn(VisitStatus status) => status == VisitStatus.Requested;

    public static bool CanCompleteIn(VisitStatus status) => status == VisitStatus.Confirmed;

    public static bool CanCancelIn(VisitStatus status) => status is VisitStatus.Requested or VisitStatus.Confirmed;

    public static bool CanReportIn(VisitStatus status) => status == VisitStatus.Completed;

    public static Visit Schedule(
        Organization organization,
        string purpose,
        string venue,
        DateOnly date,
        TimeOnly start,
        TimeOnly end,
        string timeZoneId,
        DateTime nowUtc
    )
    {
        var zone = string.IsNullOrWhiteSpace(timeZoneId) ? VenueTime.Seoul : timeZoneId.Trim();
        return new Visit(
            organization,
            purpose,
            venue,
            zone,
            VenueTime.ToUtc(date, start, zone),
            VenueTime.ToUtc(date, end, zone),
            nowUtc
        );
    }

    public void Reschedule(DateOnly date, TimeOnly start, TimeOnly end, string timeZoneId, string venue)
    {
        EnsureOpen();
        SetTime(timeZoneId, VenueTime.ToUtc(date, start, timeZoneId), VenueTime.ToUtc(date, end, timeZoneId));
        Venue = Require.Text(venue, "Visit.VenueRequired", VenueMaxLength);
    }

    public void DescribeLanguages(string? languages, bool interpretationNeeded)
    {
        EnsureNotCancelled();
        Languages = Require.OptionalText(languages, LanguagesMaxLength);
        InterpretationNeeded = interpretationNeeded;
    }

    /// <summary>What the programme adds to the plan: the venue's address and who to call on the day.</summary>
    public void DescribeProgramme(string? venueAddress, string? dayContacts)
    {
        EnsureNotCancelled();
        var address = Require.OptionalText(venueAddress, VenueAddressMaxLength);
        var contacts = Require.OptionalText(dayContacts, DayContactsMaxLength);
        (VenueAddress, DayContacts) = (address, contacts);
    }

    /// <summary>Whether the delegation's own link still opens its page: not for a cancelled visit, and not once
    /// <paramref name="afterVisit"/> has passed since it ended.</summary>
    public bool IsDelegationLinkOpen(DateTime nowUtc, TimeSpan afterVisit) =>
        Delegation.LinkTokenHash is not null && IsDelegationLinkOpenIn(Status, EndsAtUtc, nowUtc, afterVisit);

    /// <summary>The moment the contact can no longer change the roster: the end of the deadline's day in the venue's
    /// time zone, or the visit's start when staff set no deadline (whichever comes first).</summary>
    public DateTime RosterClosesAtUtc => RosterClosesAt(Delegation.RosterDeadline, StartsAtUtc, TimeZoneId);

    public bool IsRosterOpenToDelegation(DateTime nowUtc) =>
        IsRosterOpenToDelegationIn(Status, RosterClosesAtUtc, nowUtc);

    // The delegation's rules asked of projected values, so the delegation page's query asks the rule the entity
    // enforces (docs/decisions/0019-limits-and-state-rules-on-the-entity.md).
    public static bool IsDelegationLinkOpenIn(
        VisitStatus status,
        DateTime endsAtUtc,
        DateTime nowUtc,
        TimeSpan afterVisit
    ) => status != VisitStatus.Cancelled && nowUtc < endsAtUtc + afterVisit;

    public static DateTime RosterClosesAt(DateOnly? deadline, DateTime startsAtUtc, string timeZoneId) =>
        deadline is { } day
            ? Min(VenueTime.ToUtc(day.AddDays(1), TimeOnly.MinValue, timeZoneId), startsAtUtc)
            : startsAtUtc;

    public static bool IsRosterOpenToDelegationIn(VisitStatus status, DateTime rosterClosesAtUtc, DateTime nowUtc) =>
        CanEditIn(status) && nowUtc < rosterClosesAtUtc;

    public void NameDelegationContact(string name, string email, string language)
    {
        EnsureNotCancelled();
        Delegation.NameContact(name, email, language);
    }

    public void IssueDelegationLink(string tokenHash)
    {
        EnsureOpen();
        Delegation.IssueLink(tokenHash);
    }

    public void SetRosterDeadline(DateOnly? deadline)
    {
        EnsureOpen();
        Delegation.SetRosterDeadline(deadline);
    }

    /// <summary>Records that the programme went to the delegation, and what it said. Only a confirmed visit has a
    /// programme to send.</summary>
    public void RecordProgrammeSent(string programme, DateTime nowUtc)
    {
        if (Status != VisitStatus.Confirmed)
        {
            throw new DomainException("Visit.ProgrammeNeedsConfirmedVisit");
        }

        if (Delegation.ContactEmail is null)
        {
            throw new DomainException("Delegation.ContactRequired");
        }

        Delegation.RecordProgrammeSent(programme, nowUtc);
    }

    /// <summary>The delegation's contact changes the roster from the delegation page: only while it is open.</summary>
    public void EnsureRosterOpenToDelegation(DateTime nowUtc)
    {
        EnsureNotCancelled();
        if (!IsRosterOpenToDelegation(nowUtc))
        {
            throw new DomainException("Delegation.RosterClosed");
        }
    }

    public void DescribeDelegateProtocol(int memberId, string? honorific, string? interpretationNeeds)
    {
        EnsureNotCancelled();
        Delegation.DescribeProtocol(memberId, honorific, interpretationNeeds);
    }

    /// <summary>The same for a delegate just added (before saving, a new member has no id to find it by: a roster
    /// import adds many at once).</summary>
    public void DescribeDelegateProtocol(DelegationMember member, string? honorific, string? interpretationNeeds)
    {
        EnsureNotCancelled();
        Delegation.DescribeProtocol(member, honorific, interpretationNeeds);
    }

    /// <summary>Moves a delegate one place earlier (-1) or later (+1) in the order of precedence.</summary>
    public void MoveDelegate(int memberId, int offset)
    {
        EnsureNotCancelled();
        Delegation.Move(memberId, offset);
    }

    /// <summary>Marks a delegate present (or, by mistake, not) at check-in; a cancelled visit has no
    /// arrivals.</summary>
    public void MarkDelegateArrived(int memberId, bool arrived, DateTime nowUtc)
    {
        EnsureNotCancelled();
        if (arrived)
        {
            Delegation.MarkArrived(memberId, nowUtc);
        }
        else
        {
            Delegation.MarkNotArrived(memberId);
        }
    }

    /// <summary>Deletes the delegates' dietary and accessibility needs (kept only to prepare the visit); the roster
    /// stays. Allowed for any visit that is over: completed, cancelled, or past its end.</summary>
    public void ForgetDelegateNeeds(DateTime nowUtc)
    {
        if (Status is VisitStatus.Requested or VisitStatus.Confirmed && nowUtc < EndsAtUtc)
        {
            throw new DomainException("Visit.NotOverYet");
        }

        Delegation.ForgetNeeds(nowUtc);
    }

    /// <summary>Erases the delegation's contact and the delegates' addresses (retention after the visit, or the
    /// person's request); names, titles and the order stay.</summary>
    public void ForgetDelegationContact() => Delegation.ForgetContact();

    /// <summary>Once the visit is long over: forgets who the delegation was to call on the day (names and telephone
    /// numbers) and the copy of the programme as sent, which printed them; what was sent, and when, stays.</summary>
    public void ForgetDayContacts()
    {
        DayContacts = null;
        Delegation.ForgetProgrammeSent();
    }

    /// <summary>Erases one delegate on the person's request, at any time; the entry stays for the figures.</summary>
    public void EraseDelegate(int memberId) => Delegation.ErasePerson(memberId);

    public void RestatePurpose(string purpose)
    {
        EnsureOpen();
        Purpose = Require.Text(purpose, "Visit.PurposeRequired", PurposeMaxLength);
    }

    /// <summary>Replaces the hosts with these, in this order.</summary>
    public void ReplaceHosts(IEnumerable<(string Name, string? Title, string? StaffUserId)> newHosts)
    {
        EnsureOpen();
        var replacements = newHosts
            .Select((h, index) => new VisitHost(h.Name, h.Title, h.StaffUserId, index + 1))
            .ToList();
        if (replacements.Count == 0)
        {
            throw new DomainException("Visit.HostRequired");
        }

        hosts.Clear();
        hosts.AddRange(replacements);
    }

    public void Confirm()
    {
        if (!CanConfirm)
        {
            throw new DomainException("Visit.CannotConfirm", Status);
        }

        Status = VisitStatus.Confirmed;
    }

    public void Complete(DateTime nowUtc)
    {
        if (!CanComplete)
        {
            throw new DomainException("Visit.CannotComplete", Status);
        }

        if (nowUtc < StartsAtUtc)
        {
            throw new DomainException("Visit.NotStartedYet");
        }

        Status = VisitStatus.Completed;
    }

    public void Cancel(string reason)
    {
        if (!CanCancel)
        {
            throw new DomainException("Visit.CannotCancel", Status);
        }

        CancellationReason = Require.Text(reason, "Visit.CancellationReasonRequired", CancellationReasonMaxLength);
        Status = VisitStatus.Cancelled;
    }

    public VisitHost AddHost(string name, string? title, string? staffUserId = null)
    {
        EnsureOpen();
        var host = new VisitHost(name, title, staffUserId, hosts.Count + 1);
        hosts.Add(host);
        return host;
    }

    public void RemoveHost(int hostId)
    {
        EnsureOpen();
        hosts.Remove(Find(hosts, hostId, h => h.Id));
        Renumber(hosts.OrderBy(h => h.Order), (h, order) => h.MoveTo(order));
    }

    public AgendaItem AddAgendaItem(
        TimeOnly? startsAt,
        TimeOnly? endsAt,
        string title,
        string? speaker,
        string? notes = null
    )
    {
        EnsureNotCancelled();
        var item = new AgendaItem(agenda.Count + 1, startsAt, endsAt, title, speaker, notes);
        agenda.Add(item);
        return item;
    }

    public void EditAgendaItem(
        int itemId,
        TimeOnly? startsAt,
        TimeOnly? endsAt,
        string title,
        string? speaker,
        string? notes
    )
    {
        EnsureNotCancelled();
        Find(agenda, itemId, a => a.Id).Edit(startsAt, endsAt, title, speaker, notes);
    }

    public void RemoveAgendaItem(int itemId)
    {
        EnsureNotCancelled();
        agenda.Remove(Find(agenda, itemId, a => a.Id));
        Renumber(agenda.OrderBy(a => a.Order), (a, order) => a.MoveTo(order));
    }

    /// <summary>Moves an agenda item one place earlier (<paramref name="offset"/> -1) or later (+1).</summary>
    public void MoveAgendaItem(int itemId, int offset)
    {
        EnsureNotCancelled();
        var ordered = agenda.OrderBy(a => a.Order).ToList();
        var item = Find(ordered, itemId, a => a.Id);
        var index = ordered.IndexOf(item);
        var target = Math.Clamp(index + offset, 0, ordered.Count - 1);
        ordered.RemoveAt(index);
        ordered.Insert(target, item);
        Renumber(ordered, (a, order) => a.MoveTo(order));
    }

    /// <summary>Agenda items that overlap the one before them or run past the visit's end.</summary>
    public IReadOnlyList<AgendaItem> AgendaItemsOutOfTime()
    {
        var end = TimeOnly.FromDateTime(EndsAtLocal);
        var problems = new List<AgendaItem>();
        TimeOnly? previousEnd = null;
        foreach (var item in agenda.OrderBy(a => a.Order))
        {
            if ((item.StartsAt is { } start && previousEnd is { } last && start < last) || item.EndsAt > end)
            {
                problems.Add(item);
            }

            previousEnd = item.EndsAt ?? previousEnd;
        }

        return problems;
    }

    public TopicOfInterest RecordTopic(string title)
    {
        EnsureNotCancelled();
        var topic = new TopicOfInterest(title);
        if (topics.Any(t => string.Equals(t.Title, topic.Title, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("Visit.TopicAlreadyRecorded", topic.Title);
        }

        topics.Add(topic);
        return topic;
    }

    public void RemoveTopic(int topicId)
    {
        EnsureNotCancelled();
        topics.Remove(Find(topics, topicId, t => t.Id));
    }

    public void NameHeadOfDelegation(string name, string? title)
    {
        EnsureNotCancelled();
        Delegation.NameHead(name, title);
    }

    /// <summary>The number of delegates the city announced, or null when it has not said.</summary>
    public void ExpectHeadcount(int? headcount)
    {
        EnsureNotCancelled();
        Delegation.Expect(headcount);
    }

    public DelegationMember AddDelegationMember(
        string fullName,
        string? title,
        string? organization,
        DelegationRole role,
        string? email = null,
        string? dietaryNeeds = null,
        string? accessibilityNeeds = null
    )
    {
        EnsureNotCancelled();
        return Delegation.Add(fullName, title, organization, role, email, dietaryNeeds, accessibilityNeeds);
    }

    public void EditDelegationMember(
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
        EnsureNotCancelled();
        Delegation.Edit(memberId, fullName, title, organization, role, email, dietaryNeeds, accessibilityNeeds);
    }

    public void RemoveDelegationMember(int memberId)
    {
        EnsureNotCancelled();
        Delegation.Remove(memberId);
    }

    private void SetTime(string timeZoneId, DateTime startsAtUtc, DateTime endsAtUtc)
    {
        if (endsAtUtc <= startsAtUtc)
        {
            throw new DomainException("Visit.EndBeforeStart");
        }

        TimeZoneId = timeZoneId;
        StartsAtUtc = startsAtUtc;
        EndsAtUtc = endsAtUtc;
    }

    private void EnsureNotCancelled()
    {
        if (!CanAmend)
        {
            throw new DomainException("Visit.Cancelled");
        }
    }

    private void EnsureOpen()
    {
        EnsureNotCancelled();
        if (!CanEdit)
        {
            throw new DomainException("Visit.AlreadyCompleted");
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static T Find<T>(IEnumerable<T> items, int id, Func<T, int> key) =>
        items.FirstOrDefault(i => key(i) == id) ?? throw new DomainException("Visit.ItemNotFound");

    private static void Renumber<T>(IEnumerable<T> items, Action<T, int> setOrder)
    {
        var order = 1;
        foreach (var item in items)
        {
            setOrder(item, order++);
        }
    }
}
