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

    private static readonly Dictionary<InquiryStage, InquiryStage[]> AllowedMoves = new()
    {
        [InquiryStage.New] = [InquiryStage.Contacted, InquiryStage.Declined, InquiryStage.Withdrawn],
        [InquiryStage.Contacted] = [InquiryStage.ApplicationSent, InquiryStage.Declined, InquiryStage.Withdrawn],
        [InquiryStage.ApplicationSent] = [InquiryStage.UnderReview, InquiryStage.Declined, InquiryStage.Withdrawn],
        [InquiryStage.UnderReview] = [InquiryStage.Approved, InquiryStage.Declined, InquiryStage.Withdrawn],
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

    /// <summary>Moves the inquiry along the pipeline. Approval also makes the matched organisation a member,
    /// so it goes through <see cref="Approve"/>.</summary>
    public void MoveTo(InquiryStage stage, DateTime nowUtc)
    {
        if (!CanMove(Stage, stage))
        {
            throw new DomainException("Inquiry.StageChangeRefused", Stage, stage);
        }

        if (stage == InquiryStage.Approved)
        {
            throw new DomainException("Inquiry.ApprovalNeedsStartDate");
        }

        Stage = stage;
        StageChangedAtUtc = nowUtc;
    }

    /// <summary>The Secretariat accepts the inquiry: the organisation it was matched to becomes a member from <paramref
    /// name="memberSince"/>. An inquiry not yet matched to a city record has no one to admit.</summary> <param
    /// name="matched">The organisation of <see cref="OrganizationId"/>; null when the inquiry is not matched.</param>
    public void Approve(Organization? matched, DateOnly memberSince, DateTime nowUtc)
    {
        if (!CanMove(Stage, InquiryStage.Approved))
        {
            throw new DomainException("Inquiry.StageChangeRefused", Stage, InquiryStage.Approved);
        }

        if (OrganizationId is null || matched is null)
        {
            throw new DomainException("Inquiry.ApprovalNeedsMatch");
        }

        if (matched.Id != OrganizationId)
        {
            throw new InvalidOperationException(
                $"Inquiry {Id} is matched to organisation {OrganizationId}, not {matched.Id}."
            );
        }

        matched.BecomeMember(memberSince);
        Stage = InquiryStage.Approved;
        StageChangedAtUtc = nowUtc;
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

        if (AnonymizedAtUtc is not null)
        {
            return;
        }

        ContactName = "—";
        ContactPosition = null;
        Email = "—";
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
