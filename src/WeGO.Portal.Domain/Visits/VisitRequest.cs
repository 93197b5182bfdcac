using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;

namespace WeGO.Portal.Domain.Visits;

public enum VisitRequestStatus
{
    /// <summary>Waiting for the Secretariat: new, or answered by the city after other dates were proposed.</summary>
    Received = 1,

    /// <summary>The Secretariat proposed other dates; waiting for the city.</summary>
    DatesProposed = 2,

    /// <summary>Became a visit.</summary>
    Accepted = 3,

    Declined = 4,
}

/// <summary>How far the city can move from the dates it proposed.</summary>
public enum DateFlexibility
{
    ExactDates = 1,
    FewDaysEitherWay = 2,
    AnyTimeInTheMonth = 3,
    Open = 4,
}

/// <summary>What the city sent on the public visit request form.</summary>
public sealed record VisitRequestDetails(
    string OrganizationName,
    string CountryCode,
    string ContactName,
    string? ContactPosition,
    string Email,
    string? Phone,
    string PreferredLanguage,
    DateOnly EarliestDate,
    DateOnly LatestDate,
    DateFlexibility Flexibility,
    int DelegationSize,
    string Purpose,
    MembershipInterest Topics,
    string? OtherTopics,
    string? Languages,
    bool InterpretationNeeded,
    bool ConsentGiven
);

/// <summary>A city asks to visit the Secretariat, on the public form. Staff accept it (it becomes a visit in the
/// Requested state), propose other dates (the city accepts or answers on its status link), or decline it.</summary>
public sealed class VisitRequest : AggregateRoot
{
    public const int ReferenceMaxLength = 20;
    public const int TokenHashLength = 64;
    public const int PurposeMaxLength = Visit.PurposeMaxLength;
    public const int OtherTopicsMaxLength = 500;
    public const int DeclineReasonMaxLength = 1000;
    public const int MessageMaxLength = 2000;
    public const int MaxDelegationSize = 1000;

    private VisitRequest() { }

    public VisitRequest(string reference, string statusTokenHash, VisitRequestDetails details, DateTime nowUtc)
    {
        if (!details.ConsentGiven)
        {
            throw new DomainException("Inquiry.ConsentRequired");
        }

        if (details.LatestDate < details.EarliestDate)
        {
            throw new DomainException("VisitRequest.DatesReversed");
        }

        if (details.DelegationSize is < 1 or > MaxDelegationSize)
        {
            throw new DomainException("Delegation.HeadcountOutOfRange", 1, MaxDelegationSize);
        }

        Reference = reference;
        StatusTokenHash = statusTokenHash;
        OrganizationName = Require.Text(
            details.OrganizationName,
            "VisitRequest.OrganizationRequired",
            Organizations.Organization.NameMaxLength
        );
        CountryCode = details.CountryCode;
        ContactName = Require.Text(details.ContactName, "VisitRequest.ContactRequired", PersonName.MaxLength);
        ContactPosition = Require.OptionalText(details.ContactPosition, JobTitle.MaxLength);
        Email = Require.Text(details.Email, "VisitRequest.ContactRequired", EmailAddress.MaxLength);
        Phone = Require.OptionalText(details.Phone, PhoneNumber.MaxLength);
        PreferredLanguage = details.PreferredLanguage;
        EarliestDate = details.EarliestDate;
        LatestDate = details.LatestDate;
        Flexibility = details.Flexibility;
        DelegationSize = details.DelegationSize;
        Purpose = Require.Text(details.Purpose, "Visit.PurposeRequired", PurposeMaxLength);
        Topics = details.Topics;
        OtherTopics = Require.OptionalText(details.OtherTopics, OtherTopicsMaxLength);
        Languages = Require.OptionalText(details.Languages, Visit.LanguagesMaxLength);
        InterpretationNeeded = details.InterpretationNeeded;
        ConsentGiven = true;
        SubmittedAtUtc = nowUtc;
        StatusChangedAtUtc = nowUtc;
        Status = VisitRequestStatus.Received;
    }

    /// <summary>The reference the city quotes (WGV-2026-XXXXXX).</summary>
    public string Reference { get; private set; } = "";

    /// <summary>SHA-256 of the private status link's token.</summary>
    public string StatusTokenHash { get; private set; } = "";

    public string OrganizationName { get; private set; } = "";

    public string CountryCode { get; private set; } = "";

    /// <summary>The city's record, once staff accept the request (matched or created then).</summary>
    public int? OrganizationId { get; private set; }

    [PersonalData]
    public string ContactName { get; private set; } = "";

    [PersonalData]
    public string? ContactPosition { get; private set; }

    [PersonalData]
    public string Email { get; private set; } = "";

    [PersonalData]
    public string? Phone { get; private set; }

    public string PreferredLanguage { get; private set; } = "en";

    public DateOnly EarliestDate { get; private set; }

    public DateOnly LatestDate { get; private set; }

    public DateFlexibility Flexibility { get; private set; }

    public int DelegationSize { get; private set; }

    public string Purpose { get; private set; } = "";

    public MembershipInterest Topics { get; private set; }

    public string? OtherTopics { get; private set; }

    public string? Languages { get; private set; }

    public bool InterpretationNeeded { get; private set; }

    public bool ConsentGiven { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public VisitRequestStatus Status { get; private set; }

    public DateTime StatusChangedAtUtc { get; private set; }

    /// <summary>The dates the Secretariat proposed instead, while <see cref="VisitRequestStatus.DatesProposed"/> (and
    /// kept afterwards for the record).</summary>
    public DateOnly? ProposedEarliestDate { get; private set; }

    public DateOnly? ProposedLatestDate { get; private set; }

    /// <summary>What the Secretariat wrote with its proposal.</summary>
    public string? ProposalMessage { get; private set; }

    /// <summary>The city's last answer to a proposal, when it did not simply accept.</summary>
    [PersonalData]
    public string? CityAnswer { get; private set; }

    public string? DeclineReason { get; private set; }

    /// <summary>The visit it became.</summary>
    public int? VisitId { get; private set; }

    /// <summary>Erases the contact's data (name, position, address, telephone, last answer); the city, dates, size,
    /// purpose and status stay for the statistics.</summary>
    public void ErasePerson()
    {
        ContactName = Erased.Mark;
        ContactPosition = null;
        Email = Erased.Mark;
        Phone = null;
        CityAnswer = null;
    }

    public bool CanAccept => Status == VisitRequestStatus.Received;

    public bool CanProposeDates => Status == VisitRequestStatus.Received;

    public bool CanDecline => Status is VisitRequestStatus.Received or VisitRequestStatus.DatesProposed;

    /// <summary>Whether the city has a proposal to accept or answer on its status link.</summary>
    public bool AwaitsCity => Status == VisitRequestStatus.DatesProposed;

    /// <summary>Staff propose other dates; the city answers on its status link.</summary>
    public void ProposeDates(DateOnly earliest, DateOnly latest, string? message, DateTime nowUtc)
    {
        Ensure(CanProposeDates, "VisitRequest.CannotProposeDates");
        if (latest < earliest)
        {
            throw new DomainException("VisitRequest.DatesReversed");
        }

        ProposedEarliestDate = earliest;
        ProposedLatestDate = latest;
        ProposalMessage = Require.OptionalText(message, MessageMaxLength);
        CityAnswer = null;
        Move(VisitRequestStatus.DatesProposed, nowUtc);
    }

    /// <summary>The city takes the proposed dates: they become the request's dates, and it waits for the Secretariat
    /// again.</summary>
    public void AcceptProposedDates(DateTime nowUtc)
    {
        Ensure(AwaitsCity, "VisitRequest.NoProposal");
        EarliestDate = ProposedEarliestDate!.Value;
        LatestDate = ProposedLatestDate!.Value;
        Flexibility = DateFlexibility.ExactDates;
        CityAnswer = null;
        Move(VisitRequestStatus.Received, nowUtc);
    }

    /// <summary>The city answers a proposal in its own words (other dates, a question); it waits for the Secretariat
    /// again.</summary>
    public void Answer(string answer, DateTime nowUtc)
    {
        Ensure(AwaitsCity, "VisitRequest.NoProposal");
        CityAnswer = Require.Text(answer, "VisitRequest.AnswerRequired", MessageMaxLength);
        Move(VisitRequestStatus.Received, nowUtc);
    }

    /// <summary>The request became <paramref name="visitId"/>, for the city's record <paramref name="organizationId"/>.
    /// </summary>
    public void Accept(int visitId, int organizationId, DateTime nowUtc)
    {
        Ensure(CanAccept, "VisitRequest.CannotAccept");
        VisitId = visitId;
        OrganizationId = organizationId;
        Move(VisitRequestStatus.Accepted, nowUtc);
    }

    public void Decline(string reason, DateTime nowUtc)
    {
        Ensure(CanDecline, "VisitRequest.CannotDecline");
        DeclineReason = Require.Text(reason, "VisitRequest.DeclineReasonRequired", DeclineReasonMaxLength);
        Move(VisitRequestStatus.Declined, nowUtc);
    }

    private void Move(VisitRequestStatus status, DateTime nowUtc)
    {
        Status = status;
        StatusChangedAtUtc = nowUtc;
    }

    private void Ensure(bool allowed, string code)
    {
        if (!allowed)
        {
            throw new DomainException(code, Status);
        }
    }
}
