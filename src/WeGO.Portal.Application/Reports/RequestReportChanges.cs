using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Application.Data;
using WeGO.Portal.Domain.Reports;

namespace WeGO.Portal.Application.Reports;

/// <summary>A program director sends a submitted report back with a comment saying what to change; the author
/// is told by mail, edits it and submits it again.</summary>
public static class RequestReportChanges
{
    public const string Mail = "ReportChangesRequested";

    [AllowedTo(RoleGroup.ReviewReports)]
    public sealed record Command : ICommand
    {
        public int ReportId { get; init; }

        public int Version { get; init; }

        public string Comment { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Comment).NotEmpty().MaximumLength(ReviewComment.TextMaxLength);
        }
    }

    public sealed class Handler(
        PortalDbContext db,
        ICurrentActor actor,
        TimeProvider clock,
        IOptions<MailSettings> mail
    ) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var report = await db.LoadReportForChangeAsync(command.ReportId, command.Version, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var comment = report.RequestChanges(actor.Name, command.Comment, now);
            await ReportDecisionMails.WriteAsync(
                db,
                mail.Value,
                report,
                Mail,
                actor.Name,
                comment.Text,
                now,
                cancellationToken
            );
            return Unit.Value;
        }
    }
}
