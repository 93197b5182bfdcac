using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Domain.Membership;

/// <summary>A city's or organisation's expression of interest in joining WeGO, and how far it has come.</summary>
public sealed class MembershipInquiry : AggregateRoot
{
    public const int ReferenceMaxLength = 20;
    public const int StatusTokenMaxLength = 100;
    public const int OtherInterestMaxLength = 500;
    public const int HeardFromMaxLength = 500;
    public const int MessageMaxLength = 4000;

    /// <summary>The moves staff make by hand. "Application sent", "Under review" and "Approved" are not among them:
    /// they follow the inquiry's application (<see cref="FollowApplication"/>). Declining or withdrawing an inquiry at
    /// those stages is for one whose application never came (the use case refuses it while one exists).</summary>
    private static readonly Dictionary<InquiryStage, InquiryStage[]> AllowedMoves = new()
    {
        [InquiryStage.New] = [InquiryStage.Contacted, InquiryStage.Declined, InquiryStage.Withdrawn],
        [InquiryStage.Contacted] = [InquiryStage.Declined, InquiryStage.Withdrawn],
        [InquiryStage.ApplicationSent] = [InquiryStage.Declined, InquiryStage.Withdrawn],
        [InquiryStage.UnderReview] = [InquiryStage.Declined, InquiryStage.Withdrawn],
        [InquiryStage.Approved] = [],
        [InquiryStage.Declined] = [],
        [InquiryStage.Withdrawn] = [],
    };

    private readonly List<InquiryNote> notes = [];

    private MembershipInquiry() { }

    public MembershipInquiry(string reference, string statusToken, InquiryApplicant applicant, DateTime submittedAtUtc)
    {
        Reference = Require.Text(reference, "Inquiry.ReferenceRequired", ReferenceMaxLength);
        StatusToken = Require.Text(statusToken, "Inquiry.TokenRequired", StatusTokenMaxLength);
        OrganizationName = Require.Text(
            applicant.OrganizationName,
            "Inquiry.OrganizationRequired",
            Organization.NameMaxLength
        );
        CountryCode = Countries.RequireCode(applicant.CountryCode);
        Kind = applicant.Kind;
        Population = applicant.Population;
        ContactName = Require.Text(applicant.ContactName, "Inquiry.ContactRequired", PersonName.MaxLength);
        ContactPosition = Require.OptionalText(applicant.ContactPosition, JobTitle.MaxLength);
        Email = Require.Text(applicant.Email, "Inquiry.EmailRequired", EmailAddress.MaxLength);
        Phone = Require.OptionalText(applicant.Phone, PhoneNumber.MaxLength);
        PreferredLanguage = Require.Text(
            applicant.PreferredLanguage,
            "Inquiry.LanguageRequired",
            LanguageCode.MaxLength
        );
        Interests = applicant.Interests;
        OtherInterest = Require.OptionalText(applicant.OtherInterest, OtherInterestMaxLength);
        HeardFrom = Require.OptionalText(applicant.HeardFrom, HeardFromMaxLength);
        VisitId = applicant.VisitId;
        Message = Require.OptionalText(applicant.Message, MessageMaxLength);
        if (!applicant.ConsentGiven)
        {
            throw new DomainException("Inquiry.ConsentRequired");
        }

        ConsentGivenAtUtc = submittedAtUtc;
        SubmittedAtUtc = submittedAtUtc;
        Stage = InquiryStage.New;
        StageChangedAtUtc = submittedAtUtc;
    }

    /// <summary>Short, human-friendly number the official quotes, e.g. "WGO-2024-0042".</summary>
    public string Reference { get; private set; } = "";

    /// <summary>Unguessable token of the private status link.</summary>
    public string StatusToken { get; private set; } = "";

    public string OrganizationName { get; private set; } = "";

    public string CountryCode { get; private set; } = "";

    public OrganizationKind Kind { get; private set; }

    public int? Population { get; private set; }

    [PersonalData]
    public string ContactName { get; private set; } = "";

    [PersonalData]
    public string? ContactPosition { get; private set; }

    [PersonalData]
    public string Email { get; private set; } = "";

    [PersonalData]
    public string? Phone { get; private set; }

    public string PreferredLanguage { get; private set; } = "en";

    public MembershipInterest Interests { get; private set; }

    [PersonalData]
    public string? OtherInterest { get; private set; }

    [PersonalData]
    public string? HeardFrom { get; private set; }

    public int? VisitId { get; private set; }

    [PersonalData]
    public string? Message { get; private set; }

    public DateTime ConsentGivenAtUtc { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public InquiryStage Stage { get; private set; }

    public DateTime StageChangedAtUtc { get; private set; }

    /// <summary>The city or organisation this inquiry was matched to.</summary>
    public int? OrganizationId { get; private set; }

    public int? RegionalOfficeId { get; private set; }

    public string? OwnerUserId { get; private set; }

    public DateTime? AnonymizedAtUtc { get; private set; }

    public IReadOnlyList<InquiryNote> Notes => notes;

    /// <summary>Whether the city record it is matched to can still change: until the membership was granted to
    /// it.</summary>
    public bool CanChangeMatch => CanChangeMatchIn(Stage);

    /// <summary>Whether its personal data can be erased: once it is closed without membership.</summary>
    public bool CanAnonymize => CanAnonymizeIn(Stage);

    public static bool CanChangeMatchIn(InquiryStage stage) => stage != InquiryStage.Approved;

    public static bool CanAnonymizeIn(InquiryStage stage) => stage is InquiryStage.Declined or InquiryStage.Withdrawn;

    public static bool CanMove(InquiryStage from, InquiryStage to) => AllowedMoves[from].Contains(to);

    public static IReadOnlyList<InquiryStage> NextStages(InquiryStage from) => AllowedMoves[from];

    /// <summary>Staff move the inquiry by hand: contacted, declined or withdrawn.</summary>
    public void MoveTo(InquiryStage stage, DateTime nowUtc)
    {
        if (!CanMove(Stage, stage))
        {
            throw new DomainException("Inquiry.StageChangeRefused", Stage, stage);
        }

        Stage = stage;
        StageChangedAtUtc = nowUtc;
    }

    /// <summary>The stage an inquiry stands at while its application is in <paramref name="state"/>: sent until
    /// the signed form arrives, under review until the organisation is a member (a city from the Secretariat's
    /// acceptance, as an Associate member; others from the Executive Committee's approval), then approved; declined
    /// or withdrawn with it.</summary>
    public static InquiryStage StageOf(ApplicationState state, MembershipCategory category, bool hasDocuments) =>
        state switch
        {
            ApplicationState.Received or ApplicationState.Returned => hasDocuments
                ? InquiryStage.UnderReview
                : InquiryStage.ApplicationSent,
            ApplicationState.Accepted => category == MembershipCategory.Full
                ? InquiryStage.Approved
                : InquiryStage.UnderReview,
            ApplicationState.Approved => InquiryStage.Approved,
            ApplicationState.Declined => InquiryStage.Declined,
            _ => InquiryStage.Withdrawn,
        };

    /// <summary>Takes the stage of the application opened from this inquiry (<see cref="StageOf"/>).</summary>
    public void FollowApplication(MembershipApplication application, DateTime nowUtc)
    {
        if (application.InquiryId != Id)
        {
            throw new InvalidOperationException($"Application {application.Id} was not opened from inquiry {Id}.");
        }

        var stage = StageOf(application.State, application.Category, application.Documents.Count > 0);
        if (stage != Stage)
        {
            Stage = stage;
            StageChangedAtUtc = nowUtc;
        }
    }

    /// <summary>Links the inquiry to the city record it comes from. Once approved, the membership was granted
    /// to that record, so the match stays.</summary>
    public void MatchTo(int organizationId)
    {
        if (!CanChangeMatch)
        {
            throw new DomainException("Inquiry.MatchFixedAfterApproval");
        }

        OrganizationId = organizationId;
    }

    public void Unmatch()
    {
        if (!CanChangeMatch)
        {
            throw new DomainException("Inquiry.MatchFixedAfterApproval");
        }

        OrganizationId = null;
    }

    public void AssignTo(int? regionalOfficeId, string? ownerUserId)
    {
        RegionalOfficeId = regionalOfficeId;
        OwnerUserId = Require.OptionalText(ownerUserId, UserKey.MaxLength);
    }

    public InquiryNote AddNote(string text, string author, DateTime nowUtc)
    {
        // Notes written after anonymization would bring personal data back.
        if (AnonymizedAtUtc is not null)
        {
            throw new DomainException("Inquiry.Anonymized");
        }

        var note = new InquiryNote(text, author, nowUtc);
        notes.Add(note);
        return note;
    }

    /// <summary>Erases the person's data of a closed inquiry, keeping what statistics need
    /// (country, kind, stage, dates).</summary>
    public void Anonymize(DateTime nowUtc)
    {
        if (!CanAnonymize)
        {
            throw new DomainException("Inquiry.AnonymizeOnlyClosed");
        }

        ErasePerson(nowUtc);
    }

    /// <summary>Erases the person's data at any stage, when they ask: the inquiry keeps its stage, country, kind and
    /// dates, so the statistics do not move; no note can be added afterwards.</summary>
    public void ErasePerson(DateTime nowUtc)
    {
        if (AnonymizedAtUtc is not null)
        {
            return;
        }

        ContactName = Erased.Mark;
        ContactPosition = null;
        Email = Erased.Mark;
        Phone = null;
        Message = null;
        HeardFrom = null;
        OtherInterest = null;
        foreach (var note in notes)
        {
            note.Erase();
        }

        AnonymizedAtUtc = nowUtc;
    }
}

/// <summary>What an inquirer tells about themselves on the public form.</summary>
public sealed record InquiryApplicant(
    string OrganizationName,
    string CountryCode,
    OrganizationKind Kind,
    int? Population,
    string ContactName,
    string? ContactPosition,
    string Email,
    string? Phone,
    string PreferredLanguage,
    MembershipInterest Interests,
    string? OtherInterest,
    string? HeardFrom,
    int? VisitId,
    string? Message,
    bool ConsentGiven
);
