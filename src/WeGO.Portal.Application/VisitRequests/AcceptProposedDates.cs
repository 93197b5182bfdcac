using Mediator;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.VisitRequests;

/// <summary>The city takes the dates the Secretariat proposed, on its status link: they become the request's dates,
/// the request waits for the Secretariat again, and the Secretariat is told.</summary>
public static class AcceptProposedDates
{
    [Public]
    public sealed record Command(string? Token) : ICommand;

    public sealed class Handler(PortalDbContext db, TimeProvider clock, IOptions<MailSettings> mail)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var request = await GetVisitRequestStatus.RequestAsync(db, command.Token, cancellationToken);
            request.AcceptProposedDates(now);
            db.OutboxMessages.Add(
                VisitRequestMails.ToSecretariat(
                    mail.Value,
                    request,
                    "VisitRequestDatesAccepted",
                    now,
                    request.EarliestDate,
                    request.LatestDate
                )
            );
            return Unit.Value;
        }
    }
}
