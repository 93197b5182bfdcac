using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Application.Organizations;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;

namespace WeGO.Portal.Application.Membership;

/// <summary>A city official (or a company or institution) tells WeGO they are interested in joining, on the public
/// form. The portal files the inquiry with a reference and a private status link, matches it to the city's record
/// (creating one when the city is new), suggests the regional office, and writes two emails to the outbox: the
/// confirmation to the inquirer in their language and the notification to the Secretariat.</summary>
public static class SubmitMembershipInquiry
{
    public const int MaxPopulation = 100_000_000;

    public static readonly IReadOnlyList<string> Languages = ["en", "es", "ko"];

    /// <summary>The programmes an inquirer can tick, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<MembershipInterest> Programmes =
    [
        MembershipInterest.CapacityBuilding,
        MembershipInterest.FeasibilityStudies,
        MembershipInterest.SeoulSmartCityPrize,
        MembershipInterest.SmartCityChampions,
    ];

    [Public]
    public sealed record Command : ICommand<Result>
    {
        public string? OrganizationName { get; init; }

        public string? CountryCode { get; init; }

        public OrganizationKind? Kind { get; init; }

        /// <summary>Kept for local governments only.</summary>
        public int? Population { get; init; }

        public string? ContactName { get; init; }

        public string? ContactPosition { get; init; }

        public string? Email { get; init; }

        public string? Phone { get; init; }

        public string? PreferredLanguage { get; init; }

        public List<MembershipInterest> Interests { get; init; } = [];

        public string? OtherInterest { get; init; }

        public string? HeardFrom { get; init; }

        /// <summary>A visit to the Secretariat the inquirer took part in.</summary>
        public int? VisitId { get; init; }

        public string? Message { get; init; }

        public bool ConsentGiven { get; init; }
    }

    /// <summary>What the confirmation page needs: the reference to quote and the token of the status link.</summary>
    public sealed record Result(string Reference, string StatusToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            string ControlCharacters(Command _) => messages["Inquiry.ControlCharacters"];

            RuleFor(c => c.OrganizationName)
                .NotEmpty()
                .MaximumLength(Organization.NameMaxLength)
                .Must(InquiryText.IsSingleLine)
                .WithMessage(ControlCharacters);
            RuleFor(c => c.CountryCode)
                .NotEmpty()
                .Must(Countries.IsKnown)
                .WithMessage(_ => messages["Organization.CountryUnknown"]);
            RuleFor(c => c.Kind).NotNull().IsInEnum();
            RuleFor(c => c.Population).InclusiveBetween(1, MaxPopulation);
            RuleFor(c => c.ContactName)
                .NotEmpty()
                .MaximumLength(PersonName.MaxLength)
                .Must(InquiryText.IsSingleLine)
                .WithMessage(ControlCharacters);
            RuleFor(c => c.ContactPosition)
                .MaximumLength(JobTitle.MaxLength)
                .Must(InquiryText.IsSingleLine)
                .WithMessage(ControlCharacters);
            RuleFor(c => c.Email)
                .NotEmpty()
                .MaximumLength(EmailAddress.MaxLength)
                .Must(InquiryText.IsEmail)
                .WithMessage(_ => messages["Inquiry.EmailInvalid"]);
            RuleFor(c => c.Phone)
                .MaximumLength(PhoneNumber.MaxLength)
                .Must(InquiryText.IsInternationalPhone)
                .WithMessage(_ => messages["Inquiry.PhoneInvalid"]);
            RuleFor(c => c.PreferredLanguage)
                .NotEmpty()
                .Must(Languages.Contains)
                .WithMessage(_ => messages["Inquiry.LanguageUnknown"]);
            RuleForEach(c => c.Interests)
                .Must(i => Programmes.Contains(i))
                .WithMessage(_ => messages["Inquiry.InterestUnknown"]);
            RuleFor(c => c.OtherInterest)
                .MaximumLength(MembershipInquiry.OtherInterestMaxLength)
                .Must(InquiryText.IsMultiLine)
                .WithMessage(ControlCharacters);
            RuleFor(c => c.HeardFrom)
                .MaximumLength(MembershipInquiry.HeardFromMaxLength)
                .Must(InquiryText.IsMultiLine)
                .WithMessage(ControlCharacters);
            RuleFor(c => c.VisitId).GreaterThan(0).WithMessage(_ => messages["Inquiry.VisitUnknown"]);
            RuleFor(c => c.Message)
                .MaximumLength(MembershipInquiry.MessageMaxLength)
                .Must(InquiryText.IsMultiLine)
                .WithMessage(ControlCharacters);
            RuleFor(c => c.ConsentGiven).Equal(true).WithMessage(_ => messages["Inquiry.ConsentRequired"]);
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IOptions<MailSettings> mail)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (command.VisitId is { } visitId && !await db.Visits.AnyAsync(v => v.Id == visitId, cancellationToken))
            {
                throw new DomainException("Inquiry.VisitUnknown");
            }

            var country = command.CountryCode!.Trim().ToUpperInvariant();
            var kind = command.Kind!.Value;
            var population = kind == OrganizationKind.LocalGovernment ? command.Population : null;
            var interests = command.Interests.Aggregate(MembershipInterest.None, (all, one) => all | one);
            var organization = await MatchOrganizationAsync(
                command.OrganizationName!,
                country,
                kind,
                population,
                cancellationToken
            );

            var token = PrivateLinks.NewStatusToken();
            var inquiry = new MembershipInquiry(
                await NewReferenceAsync(now.Year, cancellationToken),
                PrivateLinks.HashStatusToken(token),
                new InquiryApplicant(
                    command.OrganizationName!,
                    country,
                    kind,
                    population,
                    command.ContactName!,
                    command.ContactPosition,
                    command.Email!,
                    command.Phone,
                    command.PreferredLanguage!,
                    interests,
                    command.OtherInterest,
                    command.HeardFrom,
                    command.VisitId,
                    command.Message,
                    command.ConsentGiven
                ),
                now
            );

            // A new organisation has no id until the unit of work saves; EF's temporary value links the two until then.
            inquiry.MatchTo(db.Entry(organization).Property(o => o.Id).CurrentValue);
            inquiry.AssignTo(
                await OfficeForRegion.IdAsync(db, Countries.SuggestRegion(country), cancellationToken),
                null
            );
            db.MembershipInquiries.Add(inquiry);

            var portal = mail.Value.PublicUrl.ToString().TrimEnd('/');
            var statusLink = $"{portal}/Membership/Status/{token}";
            db.OutboxMessages.Add(
                Emails.Compose(
                    inquiry.Email,
                    "InquiryReceived",
                    inquiry.PreferredLanguage,
                    now,
                    inquiry.ContactName,
                    inquiry.OrganizationName,
                    inquiry.Reference,
                    statusLink,
                    Emails.Text("Signature", inquiry.PreferredLanguage)
                )
            );
            db.OutboxMessages.Add(
                Emails.Compose(
                    mail.Value.SecretariatAddress,
                    "InquiryNotification",
                    "en",
                    now,
                    inquiry.Reference,
                    inquiry.OrganizationName,
                    Countries.EnglishName(country),
                    Emails.Text("Inquiry.Kind." + kind, "en"),
                    population?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                    inquiry.ContactName,
                    inquiry.ContactPosition ?? "-",
                    inquiry.Email,
                    inquiry.Phone ?? "-",
                    Emails.Text("Inquiry.Language." + inquiry.PreferredLanguage, "en"),
                    InterestsInEnglish(interests, inquiry.OtherInterest),
                    $"{portal}/Membership/Inquiries?q={Uri.EscapeDataString(inquiry.Reference)}"
                )
            );

            return new Result(inquiry.Reference, token);
        }

        /// <summary>The city's one record: the same name in the same country, else a close name there, else a new
        /// record.</summary>
        private async Task<Organization> MatchOrganizationAsync(
            string name,
            string country,
            OrganizationKind kind,
            int? population,
            CancellationToken cancellationToken
        )
        {
            var organization = await SimilarOrganizations.FindSameAsync(db, name, country, cancellationToken);
            if (organization is not null)
            {
                return organization;
            }

            var similar = await SimilarOrganizations.FindAsync(db, name, country, cancellationToken);
            if (similar.FirstOrDefault(o => o.CountryCode == country) is { } close)
            {
                return await db.Organizations.SingleAsync(o => o.Id == close.Id, cancellationToken);
            }

            organization = new Organization(name, country, Countries.SuggestRegion(country), kind);
            organization.SetPopulation(population);
            db.Organizations.Add(organization);
            return organization;
        }

        /// <summary>A random reference, drawn again in the unlikely case it is taken. The unique index settles the
        /// (one in hundreds of millions) race of two submissions drawing the same code at the same moment.</summary>
        private async Task<string> NewReferenceAsync(int year, CancellationToken cancellationToken)
        {
            while (true)
            {
                var reference = PrivateLinks.NewReference(PrivateLinks.InquiryPrefix, year);
                if (!await db.MembershipInquiries.AnyAsync(i => i.Reference == reference, cancellationToken))
                {
                    return reference;
                }
            }
        }

        private static string InterestsInEnglish(MembershipInterest interests, string? other)
        {
            var names = Programmes
                .Where(p => interests.HasFlag(p))
                .Select(p => Emails.Text("Inquiry.Interest." + p, "en"))
                .ToList();
            if (!string.IsNullOrWhiteSpace(other))
            {
                names.Add(other.Trim());
            }

            return names.Count == 0 ? "-" : string.Join("; ", names);
        }
    }
}
