using System.Linq.Expressions;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Membership;

public enum ApplicationState
{
    /// <summary>Sent to the Secretariat, waiting for its check.</summary>
    Received = 1,

    /// <summary>Sent back to the applicant with a reason; new documents make it Received again.</summary>
    Returned = 2,

    /// <summary>Accepted by the Secretariat (a city is an Associate member from then), waiting for the Executive
    /// Committee.</summary>
    Accepted = 3,

    /// <summary>Approved by the Executive Committee.</summary>
    Approved = 4,

    /// <summary>Declined by the Executive Committee.</summary>
    Declined = 5,

    Withdrawn = 6,
}

/// <summary>The person who signs for the applicant, and the language the Secretariat writes to them in.</summary>
public sealed record ApplicationContact(string Name, string Email, string Language);

/// <summary>What the Executive Committee resolved on an application.</summary>
public enum CommitteeDecision
{
    Approved = 1,

    /// <summary>Not decided at this meeting: the application stays for the next one.</summary>
    Deferred = 2,

    Declined = 3,
}

/// <summary>An organisation's signed Membership Application Form and the Secretariat's and the Executive Committee's
/// handling of it, from receipt to a decision.</summary>
public sealed class MembershipApplication : AggregateRoot
{
    public const int ReturnReasonMaxLength = 2000;
    public const int StatusTokenHashMaxLength = 64;
    public const int MaxDocuments = 10;

    private readonly List<ApplicationDocument> documents = [];

    private MembershipApplication() { }

    /// <summary>An application for the organisation, from its inquiry (whose status link the applicant already has)
    /// or, when <paramref name="inquiryId"/> is null, received directly: then <paramref name="statusTokenHash"/> is
    /// the hash of the status link the applicant is sent.</summary>
    public MembershipApplication(
        string reference,
        int organizationId,
        OrganizationKind kind,
        int? inquiryId,
        ApplicationContact contact,
        string? statusTokenHash,
        DateTime receivedAtUtc
    )
    {
        if ((inquiryId is null) == string.IsNullOrWhiteSpace(statusTokenHash))
        {
            throw new DomainException("Application.OneStatusLink");
        }

        Reference = Require.Text(reference, "Application.ReferenceRequired", MembershipInquiry.ReferenceMaxLength);
        OrganizationId = organizationId;
        Category = MembershipCategories.AppliedForBy(kind);
        InquiryId = inquiryId;
        StatusTokenHash = Require.OptionalText(statusTokenHash, StatusTokenHashMaxLength);
        ContactName = Require.Text(contact.Name, "Application.ContactRequired", PersonName.MaxLength);
        ContactEmail = Require.Text(contact.Email, "Application.EmailRequired", EmailAddress.MaxLength);
        Language = Require.Text(contact.Language, "Application.LanguageRequired", LanguageCode.MaxLength);
        ReceivedAtUtc = receivedAtUtc;
        State = ApplicationState.Received;
        StateChangedAtUtc = receivedAtUtc;
    }

    /// <summary>The number the applicant quotes: its inquiry's when it has one, so a city keeps one number.</summary>
    public string Reference { get; private set; } = "";

    public int OrganizationId { get; private set; }

    /// <summary>The category it leads to: Full for a city (through Associate), Friendship or Corporate.</summary>
    public MembershipCategory Category { get; private set; }

    /// <summary>The inquiry it grew from, when it did.</summary>
    public int? InquiryId { get; private set; }

    /// <summary>The hash of the application's own status link; null when it follows its inquiry's.</summary>
    public string? StatusTokenHash { get; private set; }

    /// <summary>Who signs for the applicant and receives the Secretariat's mail about it.</summary>
    [PersonalData]
    public string ContactName { get; private set; } = "";

    [PersonalData]
    public string ContactEmail { get; private set; } = "";

    /// <summary>The applicant's language: every mail and letter about it is written in it.</summary>
    public string Language { get; private set; } = "";

    public ApplicationState State { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    public DateTime StateChangedAtUtc { get; private set; }

    /// <summary>The Secretariat's checklist before it accepts.</summary>
    public bool IsSigned { get; private set; }

    public bool SignatoryIsAuthorised { get; private set; }

    public bool ContactConfirmed { get; private set; }

    /// <summary>Why it was returned, as the applicant reads it on the status link.</summary>
    public string? ReturnReason { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public CommitteeDecision? Decision { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public IReadOnlyList<ApplicationDocument> Documents => documents;

    public bool IsChecked => IsSigned && SignatoryIsAuthorised && ContactConfirmed;

    /// <summary>Closed without membership (declined or withdrawn) and not erased yet: what retention, and the erasure
    /// of the inquiry it came from, erase. A query, for the database to filter.</summary>
    public static readonly Expression<Func<MembershipApplication, bool>> ErasableAfterClosing = a =>
        (a.State == ApplicationState.Declined || a.State == ApplicationState.Withdrawn)
        && a.ContactEmail != Erased.Mark;

    /// <summary>Erases the signatory's name and address and removes every document (a signed form names the person);
    /// the state, category and dates stay for the statistics. Returns the removed documents' stored names: their files
    /// are deleted once the change is committed.</summary>
    public IReadOnlyList<string> ErasePerson()
    {
        ContactName = Erased.Mark;
        ContactEmail = Erased.Mark;
        var storedNames = documents.Select(d => d.StoredName).ToList();
        documents.Clear();
        return storedNames;
    }

    /// <summary>Documents can be added while the Secretariat has not accepted it.</summary>
    public bool CanAddDocument => CanAddDocumentIn(State) && documents.Count < MaxDocuments;

    public bool CanCheck => CanCheckIn(State);

    public bool CanAccept => CanCheckIn(State) && IsChecked && documents.Count > 0;

    public bool CanReturn => CanCheckIn(State);

    public bool CanWithdraw => CanWithdrawIn(State);

    /// <summary>Whether the Executive Committee can put it on an agenda and decide it.</summary>
    public bool AwaitsCommittee => AwaitsCommitteeIn(State);

    public static bool CanAddDocumentIn(ApplicationState state) =>
        state is ApplicationState.Received or ApplicationState.Returned;

    public static bool CanCheckIn(ApplicationState state) => state == ApplicationState.Received;

    public static bool CanWithdrawIn(ApplicationState state) =>
        state is ApplicationState.Received or ApplicationState.Returned or ApplicationState.Accepted;

    public static bool AwaitsCommitteeIn(ApplicationState state) => state == ApplicationState.Accepted;

    /// <summary>Adds a file whose content proved its <paramref name="type"/>. A returned application is received
    /// again: the applicant has answered, and the Secretariat checks it afresh.</summary>
    public ApplicationDocument AddDocument(
        string fileName,
        DocumentType type,
        long sizeBytes,
        string storedName,
        bool sentByApplicant,
        DateTime atUtc
    )
    {
        if (!CanAddDocumentIn(State))
        {
            throw new DomainException("Application.ClosedToDocuments");
        }

        if (documents.Count >= MaxDocuments)
        {
            throw new DomainException("Application.TooManyDocuments", MaxDocuments);
        }

        var document = new ApplicationDocument(fileName, type, sizeBytes, storedName, sentByApplicant, atUtc);
        documents.Add(document);
        if (State == ApplicationState.Returned)
        {
            MoveTo(ApplicationState.Received, atUtc);
            ReturnReason = null;
            IsSigned = SignatoryIsAuthorised = ContactConfirmed = false;
        }

        return document;
    }

    public void Check(bool isSigned, bool signatoryIsAuthorised, bool contactConfirmed)
    {
        if (!CanCheck)
        {
            throw new DomainException("Application.NotAwaitingCheck");
        }

        IsSigned = isSigned;
        SignatoryIsAuthorised = signatoryIsAuthorised;
        ContactConfirmed = contactConfirmed;
    }

    /// <summary>The Secretariat accepts the application on <paramref name="on"/>: from that day a city is an
    /// Associate member, and every application waits for the Executive Committee.</summary>
    public void Accept(DateOnly on, DateTime atUtc)
    {
        if (!CanCheck)
        {
            throw new DomainException("Application.NotAwaitingCheck");
        }

        if (documents.Count == 0)
        {
            throw new DomainException("Application.NoDocument");
        }

        if (!IsChecked)
        {
            throw new DomainException("Application.ChecklistIncomplete");
        }

        AcceptedOn = on;
        MoveTo(ApplicationState.Accepted, atUtc);
    }

    public void Return(string reason, DateTime atUtc)
    {
        if (!CanReturn)
        {
            throw new DomainException("Application.NotAwaitingCheck");
        }

        ReturnReason = Require.Text(reason, "Application.ReturnReasonRequired", ReturnReasonMaxLength);
        MoveTo(ApplicationState.Returned, atUtc);
    }

    public void Withdraw(DateTime atUtc)
    {
        if (!CanWithdraw)
        {
            throw new DomainException("Application.CannotWithdraw");
        }

        MoveTo(ApplicationState.Withdrawn, atUtc);
    }

    /// <summary>
    /// Records the Executive Committee's decision; a deferred application stays for the next meeting.
    /// </summary>
    public void Decide(CommitteeDecision decision, DateOnly on, DateTime atUtc)
    {
        if (!AwaitsCommittee)
        {
            throw new DomainException("Application.NotAwaitingCommittee");
        }

        Decision = decision;
        DecidedOn = on;
        switch (decision)
        {
            case CommitteeDecision.Approved:
                MoveTo(ApplicationState.Approved, atUtc);
                break;
            case CommitteeDecision.Declined:
                MoveTo(ApplicationState.Declined, atUtc);
                break;
            default:
                StateChangedAtUtc = atUtc;
                break;
        }
    }

    private void MoveTo(ApplicationState state, DateTime atUtc)
    {
        State = state;
        StateChangedAtUtc = atUtc;
    }
}
