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
    public sealed record Command : PublicFormSender, ICommand<Result>
    {
        public OrganizationKind? Kind { get; init; }

        /// <summary>Kept for local governments only.</summary>
        public int? Population { get; init; }

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
            Include(new PublicFormSenderValidator(messages));
            RuleFor(c => c.Kind).NotNull().IsInEnum();
            RuleFor(c => c.Population).InclusiveBetween(1, MaxPopulation);
            RuleForEach(c => c.Interests).Programme(messages);
            RuleFor(c => c.OtherInterest).Lines(MembershipInquiry.OtherInterestMaxLength, messages);
            RuleFor(c => c.HeardFrom).Lines(MembershipInquiry.HeardFromMaxLength, messages);
            RuleFor(c => c.VisitId).GreaterThan(0).WithMessage(_ => messages["Inquiry.VisitUnknown"]);
            RuleFor(c => c.Message).Lines(MembershipInquiry.MessageMaxLength, messages);
            RuleFor(c => c.ConsentGiven).Consent(messages);
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
            var interests = PublicForms.Combine(command.Interests);
            var organization = await CityRecords.MatchOrAddAsync(
                db,
                command.OrganizationName!,
                country,
                kind,
                population,
                cancellationToken
            );

            var token = PrivateLinks.NewStatusToken();
            var inquiry = new MembershipInquiry(
                await PublicForms.NewReferenceAsync(
                    PrivateLinks.InquiryPrefix,
                    now.Year,
                    (reference, ct) => db.MembershipInquiries.AnyAsync(i => i.Reference == reference, ct),
                    cancellationToken
                ),
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
                    PublicForms.ProgrammesLineInEnglish(interests, inquiry.OtherInterest),
                    $"{portal}/Membership/Inquiries?q={Uri.EscapeDataString(inquiry.Reference)}"
                )
            );

            return new Result(inquiry.Reference, token);
        }
    }
}
