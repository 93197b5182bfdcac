using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Membership;
using WeGO.Portal.Domain.Organizations;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>A city asks to visit the Secretariat, on the public form: the portal files the request with a reference
/// and a private status link and writes two mails to the outbox in the same unit of work, the confirmation to the
/// contact in their language and the notification to the Secretariat.</summary>
public static class SubmitVisitRequest
{
    [Public]
    public sealed record Command : PublicFormSender, ICommand<Result>
    {
        public DateOnly? EarliestDate { get; init; }

        public DateOnly? LatestDate { get; init; }

        public DateFlexibility? Flexibility { get; init; }

        public int? DelegationSize { get; init; }

        public string? Purpose { get; init; }

        /// <summary>Ticked from the membership form's list
        /// (<see cref="Membership.SubmitMembershipInquiry.Programmes"/>).</summary>
        public List<MembershipInterest> Topics { get; init; } = [];

        public string? OtherTopics { get; init; }

        /// <summary>The languages the delegation speaks.</summary>
        public string? Languages { get; init; }

        public bool InterpretationNeeded { get; init; }

        public bool ConsentGiven { get; init; }
    }

    /// <summary>What the confirmation page needs: the reference to quote and the token of the status link.</summary>
    public sealed record Result(string Reference, string StatusToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages, TimeProvider clock)
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            Include(new PublicFormSenderValidator(messages));
            RuleFor(c => c.EarliestDate)
                .NotNull()
                .GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage(_ => messages["VisitRequest.DateInThePast"]);
            RuleFor(c => c.LatestDate)
                .NotNull()
                .GreaterThanOrEqualTo(c => c.EarliestDate)
                .When(c => c.EarliestDate is not null)
                .WithMessage(_ => messages["VisitRequest.DatesReversed"]);
            RuleFor(c => c.Flexibility).NotNull().IsInEnum();
            RuleFor(c => c.DelegationSize).NotNull().InclusiveBetween(1, VisitRequest.MaxDelegationSize);
            RuleFor(c => c.Purpose).NotEmpty().Lines(VisitRequest.PurposeMaxLength, messages);
            RuleForEach(c => c.Topics).Programme(messages);
            RuleFor(c => c.OtherTopics).Lines(VisitRequest.OtherTopicsMaxLength, messages);
            RuleFor(c => c.Languages).OneLine(Visit.LanguagesMaxLength, messages);
            RuleFor(c => c.ConsentGiven).Consent(messages);
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IOptions<MailSettings> mail)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var token = PrivateLinks.NewStatusToken();
            var reference = await PublicForms.NewReferenceAsync(
                PrivateLinks.VisitRequestPrefix,
                now.Year,
                (code, ct) => db.VisitRequests.AnyAsync(r => r.Reference == code, ct),
                cancellationToken
            );
            var request = new VisitRequest(
                reference,
                PrivateLinks.HashStatusToken(token),
                new VisitRequestDetails(
                    command.OrganizationName!,
                    command.CountryCode!.Trim().ToUpperInvariant(),
                    command.ContactName!,
                    command.ContactPosition,
                    command.Email!.Trim(),
                    command.Phone,
                    command.PreferredLanguage!,
                    command.EarliestDate!.Value,
                    command.LatestDate!.Value,
                    command.Flexibility!.Value,
                    command.DelegationSize!.Value,
                    command.Purpose!,
                    PublicForms.Combine(command.Topics),
                    command.OtherTopics,
                    command.Languages,
                    command.InterpretationNeeded,
                    command.ConsentGiven
                ),
                now
            );
            db.VisitRequests.Add(request);

            db.OutboxMessages.Add(
                VisitRequestMails.ToCity(
                    request,
                    "VisitRequestReceived",
                    now,
                    request.EarliestDate,
                    request.LatestDate,
                    VisitRequestMails.StatusPage(mail.Value, token)
                )
            );
            db.OutboxMessages.Add(
                VisitRequestMails.ToSecretariat(
                    mail.Value,
                    request,
                    "VisitRequestNotification",
                    now,
                    Countries.EnglishName(request.CountryCode),
                    request.ContactName,
                    request.ContactPosition ?? "-",
                    request.Email,
                    request.Phone ?? "-",
                    Emails.Text("Inquiry.Language." + request.PreferredLanguage, "en"),
                    request.EarliestDate,
                    request.LatestDate,
                    Emails.Text("VisitRequest.Flexibility." + request.Flexibility, "en"),
                    request.DelegationSize,
                    request.Purpose,
                    PublicForms.ProgrammesLineInEnglish(request.Topics, request.OtherTopics),
                    request.Languages ?? "-",
                    Emails.Text("VisitRequest.Interpretation." + request.InterpretationNeeded, "en")
                )
            );

            return new Result(request.Reference, token);
        }
    }
}
