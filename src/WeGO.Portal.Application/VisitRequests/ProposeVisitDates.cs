using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>Staff propose other dates for a request; the contact is told in their language and answers on the status
/// link (accepts the dates, or writes back).</summary>
public static class ProposeVisitDates
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int RequestId { get; init; }

        public int Version { get; init; }

        public DateOnly? EarliestDate { get; init; }

        public DateOnly? LatestDate { get; init; }

        public string? Message { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages)
        {
            RuleFor(c => c.EarliestDate).NotNull();
            RuleFor(c => c.LatestDate)
                .NotNull()
                .GreaterThanOrEqualTo(c => c.EarliestDate)
                .When(c => c.EarliestDate is not null)
                .WithMessage(_ => messages["VisitRequest.DatesReversed"]);
            RuleFor(c => c.Message).MaximumLength(VisitRequest.MessageMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var request = await db.LoadVisitRequestForChangeAsync(
                command.RequestId,
                command.Version,
                cancellationToken
            );
            request.ProposeDates(command.EarliestDate!.Value, command.LatestDate!.Value, command.Message, now);
            db.OutboxMessages.Add(
                VisitRequestMails.ToCity(
                    request,
                    "VisitRequestDatesProposed",
                    now,
                    request.ProposedEarliestDate,
                    request.ProposedLatestDate,
                    request.ProposalMessage ?? ""
                )
            );
            return Unit.Value;
        }
    }
}
