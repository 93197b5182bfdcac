using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>Staff decline a request with a reason, which the contact receives in their language.</summary>
public static class DeclineVisitRequest
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int RequestId { get; init; }

        public int Version { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages) =>
            RuleFor(c => c.Reason)
                .NotEmpty()
                .WithMessage(_ => messages["VisitRequest.DeclineReasonRequired"])
                .MaximumLength(VisitRequest.DeclineReasonMaxLength);
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
            request.Decline(command.Reason!, now);
            db.OutboxMessages.Add(
                VisitRequestMails.ToCity(request, "VisitRequestDeclined", now, request.DeclineReason)
            );
            return Unit.Value;
        }
    }
}
