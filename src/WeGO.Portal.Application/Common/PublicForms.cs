using FluentValidation;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Membership;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Common;

/// <summary>Who writes on a public form: the organisation, its country and the person to answer, in the language they
/// choose.</summary>
public abstract record PublicFormSender
{
    public string? OrganizationName { get; init; }

    public string? CountryCode { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPosition { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? PreferredLanguage { get; init; }
}

/// <summary>The sender's fields, checked alike on every public form.</summary>
public sealed class PublicFormSenderValidator : AbstractValidator<PublicFormSender>
{
    public PublicFormSenderValidator(IStringLocalizer<Messages> messages)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.OrganizationName).NotEmpty().OneLine(Organization.NameMaxLength, messages);
        RuleFor(c => c.CountryCode).Country(messages);
        RuleFor(c => c.ContactName).NotEmpty().OneLine(PersonName.MaxLength, messages);
        RuleFor(c => c.ContactPosition).OneLine(JobTitle.MaxLength, messages);
        RuleFor(c => c.Email).Email(messages);
        RuleFor(c => c.Phone).Phone(messages);
        RuleFor(c => c.PreferredLanguage).ReplyLanguage(messages);
    }
}

/// <summary>What every public form (the membership inquiry, the visit request) checks and draws alike: text a stranger
/// may send (<see cref="InquiryText"/>), a known country and reply language, the programmes offered, and a fresh
/// reference. One place, so the forms cannot drift apart (decision 0027).</summary>
public static class PublicForms
{
    /// <summary>One line of visible characters, at most <paramref name="maxLength"/> long.</summary>
    public static IRuleBuilderOptions<T, string?> OneLine<T>(
        this IRuleBuilder<T, string?> rule,
        int maxLength,
        IStringLocalizer<Messages> messages
    ) =>
        rule.MaximumLength(maxLength)
            .Must(InquiryText.IsSingleLine)
            .WithMessage(_ => messages["Inquiry.ControlCharacters"]);

    /// <summary>Text that may break lines, at most <paramref name="maxLength"/> long.</summary>
    public static IRuleBuilderOptions<T, string?> Lines<T>(
        this IRuleBuilder<T, string?> rule,
        int maxLength,
        IStringLocalizer<Messages> messages
    ) =>
        rule.MaximumLength(maxLength)
            .Must(InquiryText.IsMultiLine)
            .WithMessage(_ => messages["Inquiry.ControlCharacters"]);

    public static IRuleBuilderOptions<T, string?> Email<T>(
        this IRuleBuilder<T, string?> rule,
        IStringLocalizer<Messages> messages
    ) =>
        rule.NotEmpty()
            .MaximumLength(EmailAddress.MaxLength)
            .Must(InquiryText.IsEmail)
            .WithMessage(_ => messages["Inquiry.EmailInvalid"]);

    public static IRuleBuilderOptions<T, string?> Phone<T>(
        this IRuleBuilder<T, string?> rule,
        IStringLocalizer<Messages> messages
    ) =>
        rule.MaximumLength(PhoneNumber.MaxLength)
            .Must(InquiryText.IsInternationalPhone)
            .WithMessage(_ => messages["Inquiry.PhoneInvalid"]);

    public static IRuleBuilderOptions<T, string?> Country<T>(
        this IRuleBuilder<T, string?> rule,
        IStringLocalizer<Messages> messages
    ) => rule.NotEmpty().Must(Countries.IsKnown).WithMessage(_ => messages["Organization.CountryUnknown"]);

    /// <summary>One of the languages the portal writes to the public in.</summary>
    public static IRuleBuilderOptions<T, string?> ReplyLanguage<T>(
        this IRuleBuilder<T, string?> rule,
        IStringLocalizer<Messages> messages
    ) =>
        rule.NotEmpty()
            .Must(SubmitMembershipInquiry.Languages.Contains)
            .WithMessage(_ => messages["Inquiry.LanguageUnknown"]);

    /// <summary>Each ticked box is one of <see cref="SubmitMembershipInquiry.Programmes"/>.</summary>
    public static IRuleBuilderOptions<T, MembershipInterest> Programme<T>(
        this IRuleBuilder<T, MembershipInterest> rule,
        IStringLocalizer<Messages> messages
    ) =>
        rule.Must(i => SubmitMembershipInquiry.Programmes.Contains(i))
            .WithMessage(_ => messages["Inquiry.InterestUnknown"]);

    public static IRuleBuilderOptions<T, bool> Consent<T>(
        this IRuleBuilder<T, bool> rule,
        IStringLocalizer<Messages> messages
    ) => rule.Equal(true).WithMessage(_ => messages["Inquiry.ConsentRequired"]);

    public static MembershipInterest Combine(IEnumerable<MembershipInterest> ticked) =>
        ticked.Aggregate(MembershipInterest.None, (all, one) => all | one);

    /// <summary>The ticked programmes' English names, in the form's order, then what the sender added in their own
    /// words.</summary>
    public static List<string> ProgrammesInEnglish(MembershipInterest interests, string? other)
    {
        var names = SubmitMembershipInquiry
            .Programmes.Where(p => interests.HasFlag(p))
            .Select(p => Emails.Text("Inquiry.Interest." + p, "en"))
            .ToList();
        if (!string.IsNullOrWhiteSpace(other))
        {
            names.Add(other.Trim());
        }

        return names;
    }

    /// <summary><see cref="ProgrammesInEnglish"/> on one line, for the Secretariat's notification.</summary>
    public static string ProgrammesLineInEnglish(MembershipInterest interests, string? other) =>
        ProgrammesInEnglish(interests, other) is { Count: > 0 } names ? string.Join("; ", names) : "-";

    /// <summary>A random reference, drawn again in the unlikely case it is taken. The unique index settles the (one in
    /// hundreds of millions) race of two submissions drawing the same code at the same moment.</summary>
    public static async Task<string> NewReferenceAsync(
        string prefix,
        int year,
        Func<string, CancellationToken, Task<bool>> isTaken,
        CancellationToken cancellationToken
    )
    {
        while (true)
        {
            var reference = PrivateLinks.NewReference(prefix, year);
            if (!await isTaken(reference, cancellationToken))
            {
                return reference;
            }
        }
    }
}
