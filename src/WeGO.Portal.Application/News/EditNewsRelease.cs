using FluentValidation;
using Mediator;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.News;

namespace WeGO.Portal.Application.News;

/// <summary>Staff rewrite a release's headline, dateline and Markdown body (before or after publishing, to correct
/// it).</summary>
public static class EditNewsRelease
{
    [AllowedTo(RoleGroup.EditVisits)]
    public sealed record Command : ICommand
    {
        public int ReleaseId { get; init; }

        /// <summary>The release's version the form was built from.</summary>
        public int Version { get; init; }

        public string Headline { get; init; } = "";

        public string Dateline { get; init; } = "";

        public string Body { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Headline).NotEmpty().MaximumLength(NewsRelease.HeadlineMaxLength);
            RuleFor(c => c.Dateline).NotEmpty().MaximumLength(NewsRelease.DatelineMaxLength);
            RuleFor(c => c.Body).NotEmpty().MaximumLength(NewsRelease.BodyMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var release = await db.LoadReleaseForChangeAsync(command.ReleaseId, command.Version, cancellationToken);
            release.Edit(command.Headline, command.Dateline, command.Body);
            return Unit.Value;
        }
    }
}
