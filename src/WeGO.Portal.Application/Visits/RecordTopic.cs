using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>Staff note a topic the delegation raised or wants to learn more of. The same topic is recorded
/// once.</summary>
public static class RecordTopic
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand<NewId>
    {
        public int VisitId { get; init; }

        /// <summary>The visit's version the form was built from.</summary>
        public int Version { get; init; }

        public string Topic { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Topic).NotEmpty().MaximumLength(TopicOfInterest.TitleMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command, NewId>
    {
        public async ValueTask<NewId> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await db.LoadForChangeAsync(command.VisitId, command.Version, cancellationToken);
            return new NewId(visit.RecordTopic(command.Topic));
        }
    }
}
