using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

public static class EditAgendaItem
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : AgendaItemInput, ICommand
    {
        public int VisitId { get; init; }

        public int Version { get; init; }

        public int ItemId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<Messages> messages) => Include(new AgendaItemInputValidator(messages));
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            visit.EditAgendaItem(
                command.ItemId,
                command.StartsAt,
                command.EndsAt,
                command.Title,
                command.Speaker,
                command.Notes
            );
            return Unit.Value;
        }
    }
}
