using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;

namespace WeGO.Portal.Application.Visits;

/// <summary>Adds an item at the end of a visit's agenda (welcome address, presentations, Q&amp;A...).</summary>
public static class AddAgendaItem
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : AgendaItemInput, ICommand
    {
        public int VisitId { get; init; }

        public int Version { get; init; }
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
            visit.AddAgendaItem(command.StartsAt, command.EndsAt, command.Title, command.Speaker, command.Notes);
            return Unit.Value;
        }
    }
}
