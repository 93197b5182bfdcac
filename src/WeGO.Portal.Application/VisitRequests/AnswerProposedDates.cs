using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>The city answers the Secretariat's proposal in its own words (other dates, a question), on its status
/// link: the request waits for the Secretariat again, and the Secretariat receives the answer.</summary>
public static class AnswerProposedDates
{
    [Public]
    public sealed record Command : ICommand
    {
        public string? Token { get; init; }

        public string? Answer { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            RuleFor(c => c.Answer)
                .NotEmpty()
                .WithMessage(_ => messages["VisitRequest.AnswerRequired"])
                .Lines(VisitRequest.MessageMaxLength, messages);
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IOptions<MailSettings> mail)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var request = await GetVisitRequestStatus.RequestAsync(db, command.Token, cancellationToken);
            request.Answer(command.Answer!, now);
            db.OutboxMessages.Add(
                VisitRequestMails.ToSecretariat(mail.Value, request, "VisitRequestAnswered", now, request.CityAnswer)
            );
            return Unit.Value;
        }
    }
}
